/**
 * Sentences in search results, for the build and the search page alike. The search index names a
 * claimed sentence by its id, then each topic it is a claim on, joined by a character that neither
 * sentence ids nor topic ids hold (`s-1abc~cause~blame`; see `claimAnchorIds` in search-records.ts).
 * A result for a source page lists the sentences that hold the words found.
 */
export const CLAIM_ID_SEPARATOR = '~';

/** A sentence's id and the topics it is a claim on (none for a sentence that is no claim), from the id the search index recorded for it. */
export function readIndexedId(indexed: string): { id: string; topics: string[] } {
  const [id = '', ...topics] = indexed.split(CLAIM_ID_SEPARATOR);
  return { id, topics };
}

/** The id the search index records for sentence `id`, a claim on `topics`. */
export function indexedIdOf(id: string, topics: readonly string[]): string {
  return [id, ...topics].join(CLAIM_ID_SEPARATOR);
}

/** An element of a page with an id, as the index recorded it: its text and the position of its first word among the page's. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text: string;
  location: number;
}

/** A sentence of a page holding some of the words found: where it is, what it says, which of its words were found, the topics it is a claim on. */
export interface FoundSentence {
  id: string;
  text: string;
  /** Positions of the words found among the sentence's words. */
  words: Set<number>;
  topics: string[];
}

/**
 * The page's sentences that hold the words found: each word found lies in the element with an id
 * that starts last before it, if it is within that element's words. The sentences holding the most
 * different words come first (a search for two words ranks the sentence with both above those with
 * one), then in page order.
 */
export function foundSentences(data: { locations?: readonly number[] | undefined; anchors?: readonly PagefindAnchor[] | undefined }): FoundSentence[] {
  const anchors = (data.anchors ?? []).filter((anchor) => anchor.id && anchor.text.trim()).sort((a, b) => a.location - b.location);
  /** Each sentence found, with its words as the index counts them (split at white space). */
  const found = new Map<PagefindAnchor, { sentence: FoundSentence; words: string[] }>();
  for (const location of data.locations ?? []) {
    let anchor: PagefindAnchor | undefined;
    for (const each of anchors) {
      if (each.location > location) break;
      anchor = each;
    }
    if (!anchor) continue;
    let entry = found.get(anchor);
    const words = entry?.words ?? anchor.text.trim().split(/\s+/u);
    const word = location - anchor.location;
    if (word >= words.length) continue;
    if (!entry) found.set(anchor, (entry = { sentence: { ...readIndexedId(anchor.id), text: anchor.text, words: new Set() }, words }));
    entry.sentence.words.add(word);
  }
  const different = ({ sentence, words }: { sentence: FoundSentence; words: string[] }) =>
    new Set([...sentence.words].map((word) => words[word]!.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''))).size;
  return [...found]
    .map(([anchor, entry]) => ({ location: anchor.location, different: different(entry), sentence: entry.sentence }))
    .sort((a, b) => b.different - a.different || a.location - b.location)
    .map(({ sentence }) => sentence);
}
