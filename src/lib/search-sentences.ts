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
  const found = new Map<PagefindAnchor, FoundSentence>();
  for (const location of data.locations ?? []) {
    let anchor: PagefindAnchor | undefined;
    for (const each of anchors) {
      if (each.location > location) break;
      anchor = each;
    }
    if (!anchor) continue;
    const word = location - anchor.location;
    if (word >= anchor.text.trim().split(/\s+/u).length) continue;
    let sentence = found.get(anchor);
    if (!sentence) found.set(anchor, (sentence = { ...readIndexedId(anchor.id), text: anchor.text, words: new Set() }));
    sentence.words.add(word);
  }
  const words = (sentence: FoundSentence) => {
    const all = sentence.text.trim().split(/\s+/u);
    return new Set([...sentence.words].map((word) => all[word]!.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''))).size;
  };
  return [...found]
    .map(([anchor, sentence]) => ({ location: anchor.location, different: words(sentence), sentence }))
    .sort((a, b) => b.different - a.different || a.location - b.location)
    .map(({ sentence }) => sentence);
}

