import { diffWords } from 'diff';
import { wordTokens, type WordToken } from './detect-stance.ts';
import type { ExtractedQuote } from './extract-quotes.ts';
import { sentenceId } from './sentence-id.ts';
import type { QuoteGroup, QuoteMember } from './types.ts';

export interface GroupQuotesOptions {
  /**
   * Share of a rendering's words that must reappear in the other, in runs of `shingle` words, for
   * the two to be one quotation (default 0.6). Measured both ways, so a fragment of a longer
   * rendering, or a quotation inside a longer paraphrase, still qualifies.
   */
  threshold?: number;
  /** Length of the word runs compared (default 3). */
  shingle?: number;
  /** A rendering of fewer words than this must reappear whole (default 8): short phrases recur by chance. */
  shortQuote?: number;
  /** Fewest words two renderings must share (default 4). */
  minShared?: number;
  /** Look for unquoted reprints among all sentences of the other sources (default true). */
  reprints?: boolean;
  /**
   * Word runs found in more sentences than this are skipped when looking for candidates, unless
   * they are among a quotation's three rarest (default 1000): boilerplate such as a product name
   * would otherwise make every sentence a candidate of every quotation that names the product.
   */
  commonShingle?: number;
}

/** How many of a quotation's rarest word runs always serve to find candidates, however common. */
const RAREST = 3;
/** Words an editor swaps freely in a quotation ("such data" / "the data"): not compared. */
const FILLER = new Set(['the', 'a', 'an', 'such', 'this', 'that', 'these', 'those']);
/** "…", "...", ". . ." mark omitted words; "[the]" marks words an editor put in. */
const GAP = /\s*(?:…|\.\s?\.\s?\.|\[[^\]]*\])\s*/u;

/** One distinct text to compare: a quotation, or a sentence that may reprint one. Syndicated copies share one. */
interface Rendering {
  kind: 'quote' | 'sentence';
  /** The quotation, or the whole sentence. */
  compared: string;
  /** Tokens of `compared` split at gaps, fillers removed. */
  fragments: WordToken[][];
  size: number;
  grams: Set<string>;
  /** Each fragment's stems joined, padded with spaces, for whole-fragment lookups. */
  joined: string[];
  /** The places that print it: indices into the units. */
  units: number[];
  sources: Set<string>;
}

/** One place a rendering is printed. */
interface Unit {
  rendering: number;
  source: string;
  anchor: string;
  text: string;
  order: number;
  speaker?: string;
}

function makeRendering(kind: Rendering['kind'], compared: string, k: number, stems: Map<string, readonly string[]>): Rendering {
  let offset = 0;
  const fragments: WordToken[][] = [];
  for (const part of compared.split(GAP)) {
    const at = compared.indexOf(part, offset);
    offset = at + part.length;
    const tokens = wordTokens(part, stems)
      .filter((t) => !FILLER.has(t.word))
      .map((t) => ({ ...t, start: t.start + at, end: t.end + at }));
    if (tokens.length) fragments.push(tokens);
  }
  const grams = new Set<string>();
  for (const fragment of fragments) {
    for (let i = 0; i + k <= fragment.length; i++) grams.add(fragment.slice(i, i + k).map((t) => t.stem).join(' '));
  }
  const size = fragments.reduce((n, f) => n + f.length, 0);
  const joined = fragments.map((f) => ` ${f.map((t) => t.stem).join(' ')} `);
  return { kind, compared, fragments, size, grams, joined, units: [], sources: new Set() };
}

/** Which tokens of `a` reappear in `b`, in runs of k words (a fragment shorter than k must reappear whole). */
function covered(a: Rendering, b: Rendering, k: number): WordToken[] {
  const hits: WordToken[] = [];
  for (const fragment of a.fragments) {
    if (fragment.length < k) {
      const needle = ` ${fragment.map((t) => t.stem).join(' ')} `;
      if (b.joined.some((j) => j.includes(needle))) hits.push(...fragment);
      continue;
    }
    const marked = new Array<boolean>(fragment.length).fill(false);
    for (let i = 0; i + k <= fragment.length; i++) {
      if (b.grams.has(fragment.slice(i, i + k).map((t) => t.stem).join(' '))) marked.fill(true, i, i + k);
    }
    fragment.forEach((t, i) => marked[i] && hits.push(t));
  }
  return hits;
}

interface Settings {
  threshold: number;
  shingle: number;
  shortQuote: number;
  minShared: number;
}

/** Whether two renderings are the same quotation; returns the tokens of `b` that `a` shares, if so. */
function match(a: Rendering, b: Rendering, s: Settings): WordToken[] | undefined {
  const inB = covered(a, b, s.shingle);
  const inA = covered(b, a, s.shingle);
  const enough = (hits: number, size: number) => hits >= s.minShared && hits >= size * (size < s.shortQuote ? 1 : s.threshold);
  return enough(inB.length, a.size) || enough(inA.length, b.size) ? inA : undefined;
}

function find(parent: number[], i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root] ?? root;
  let at = i;
  while (parent[at] !== root) {
    const up = parent[at] ?? root;
    parent[at] = root;
    at = up;
  }
  return root;
}

/**
 * Groups the quotations printed by several sources into one QuoteGroup each, however their
 * renderings differ: spelling (analysed/analyzed) and inflection compare on normalised stems;
 * "[the]" insertions and ellipses split a rendering into fragments compared separately; a fragment
 * of a longer rendering, or a quotation inside a paraphrase, matches on the share of its own words
 * found in the other (containment, not overlap). With `reprints`, every sentence of every other
 * source is a candidate too, so an outlet that prints the statement as plain sentences joins the
 * group of those that quote it. Candidates are found through an index of word runs, so the cost
 * grows with the number of sentences that share runs, not with the square of all sentences.
 * A quotation no other source shares is a group of one.
 */
/**
 * The sentences of an article that may reprint a quotation without quotation marks: an analysed
 * article, or what an extraction keeps of one (`position` is then the sentence's place among all
 * of the article's sentences, headings included).
 */
export interface ReprintSource {
  source: string;
  sentences: ReadonlyArray<{ id: string; text: string; blockType?: string; position?: number }>;
}

export function groupQuotes(quotes: readonly ExtractedQuote[], articles: readonly ReprintSource[], options: GroupQuotesOptions = {}): QuoteGroup[] {
  const settings: Settings = {
    threshold: options.threshold ?? 0.6,
    shingle: options.shingle ?? 3,
    shortQuote: options.shortQuote ?? 8,
    minShared: options.minShared ?? 4,
  };
  const k = settings.shingle;
  const common = options.commonShingle ?? 1000;
  const order = new Map<string, number>();
  for (const article of articles) article.sentences.forEach((s, i) => order.set(`${article.source}\u0000${s.id}`, s.position ?? i));
  const place = (source: string, anchor: string, position?: number) => position ?? order.get(`${source}\u0000${anchor}`) ?? Number.MAX_SAFE_INTEGER;

  const renderings: Rendering[] = [];
  const byText = new Map<string, number>();
  // The renderings share most of their vocabulary: each word is stemmed once.
  const stems = new Map<string, readonly string[]>();
  const units: Unit[] = [];
  const add = (kind: Rendering['kind'], compared: string, unit: Omit<Unit, 'rendering'>): Rendering => {
    const key = `${kind}\u0000${compared}`;
    let r = byText.get(key);
    if (r === undefined) {
      r = renderings.push(makeRendering(kind, compared, k, stems)) - 1;
      byText.set(key, r);
    }
    const rendering = renderings[r] as Rendering;
    rendering.units.push(units.push({ ...unit, rendering: r }) - 1);
    rendering.sources.add(unit.source);
    return rendering;
  };
  for (const q of quotes) {
    add('quote', q.quote, { source: q.source, anchor: q.anchor, text: q.text, order: place(q.source, q.anchor, q.position), ...(q.speaker ? { speaker: q.speaker } : {}) });
  }
  if (options.reprints ?? true) {
    const quoting = new Set(quotes.map((q) => `${q.source}\u0000${q.anchor}`));
    for (const article of articles) {
      article.sentences.forEach((sentence, i) => {
        if (/^h[1-6]$/u.test(sentence.blockType ?? '') || quoting.has(`${article.source}\u0000${sentence.id}`)) return;
        add('sentence', sentence.text, { source: article.source, anchor: sentence.id, text: sentence.text, order: sentence.position ?? i });
      });
    }
  }

  const index = new Map<string, number[]>();
  renderings.forEach((rendering, r) => {
    if (rendering.kind === 'sentence' && rendering.size < settings.minShared) return;
    for (const gram of rendering.grams) {
      const list = index.get(gram);
      if (list) list.push(r);
      else index.set(gram, [r]);
    }
  });

  // Renderings are linked, then every place printing a linked rendering joins the group.
  const parent = renderings.map((_, r) => r);
  /** For a reprint sentence: the part of it that matched a quotation, as [start, end] offsets. */
  const spans = new Map<number, [number, number]>();
  renderings.forEach((rendering, r) => {
    if (rendering.kind !== 'quote') return;
    const candidates = new Set<number>();
    const lists = [...rendering.grams].map((gram) => index.get(gram) ?? []).sort((a, b) => a.length - b.length);
    lists.forEach((list, rank) => {
      if (rank >= RAREST && list.length > common) return;
      for (const j of list) if (j !== r) candidates.add(j);
    });
    for (const j of [...candidates].sort((a, b) => a - b)) {
      const other = renderings[j];
      if (!other || find(parent, r) === find(parent, j)) continue;
      // A sentence of the quoting article itself restates, it does not reprint.
      if (other.kind === 'sentence' && [...other.sources].every((source) => rendering.sources.has(source)) && rendering.sources.size === 1) continue;
      const shared = match(rendering, other, settings);
      if (!shared) continue;
      parent[find(parent, j)] = find(parent, r);
      if (other.kind === 'sentence' && shared.length) {
        const from = Math.min(...shared.map((t) => t.start));
        const to = Math.max(...shared.map((t) => t.end));
        const known = spans.get(j);
        spans.set(j, known ? [Math.min(known[0], from), Math.max(known[1], to)] : [from, to]);
      }
    }
  });

  const components = new Map<number, number[]>();
  renderings.forEach((_, r) => {
    const root = find(parent, r);
    const list = components.get(root);
    if (list) list.push(r);
    else components.set(root, [r]);
  });

  const groups: QuoteGroup[] = [];
  const ids = new Set<string>();
  for (const members of components.values()) {
    const inGroup = members.map((r) => ({ rendering: renderings[r] as Rendering, r }));
    if (!inGroup.some(({ rendering }) => rendering.kind === 'quote')) continue;
    const rendered: Array<QuoteMember & { order: number }> = [];
    const votes = new Map<string, number>();
    for (const { rendering, r } of inGroup) {
      const span = spans.get(r);
      const quote = rendering.kind === 'quote' || !span ? rendering.compared : rendering.compared.slice(span[0], span[1]);
      for (const u of rendering.units) {
        const unit = units[u] as Unit;
        rendered.push({ source: unit.source, text: unit.text, anchor: unit.anchor, quote, order: unit.order });
        if (unit.speaker) votes.set(unit.speaker, (votes.get(unit.speaker) ?? 0) + 1);
      }
    }
    rendered.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.order - b.order || a.quote.localeCompare(b.quote)));
    const longest = rendered.reduce((best, m) => (m.quote.length > best.quote.length ? m : best), rendered[0] as QuoteMember);
    const speaker = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];

    let id = sentenceId(longest.quote.toLowerCase(), 'q-');
    for (let n = 2; ids.has(id); n++) id = `${sentenceId(longest.quote.toLowerCase(), 'q-')}-${n}`;
    ids.add(id);
    groups.push({
      id,
      ...(speaker ? { speaker } : {}),
      text: longest.quote,
      members: rendered.map(({ order: _order, ...member }) => member),
    });
  }
  const reach = (g: QuoteGroup) => new Set(g.members.map((m) => m.source)).size;
  return groups.sort((a, b) => reach(b) - reach(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One piece of a word-level comparison of two renderings of a quotation. */
export interface QuoteDiffPart {
  value: string;
  /** The words are in `b` only. */
  added: boolean;
  /** The words are in `a` only. */
  removed: boolean;
}

/** The word-level differences between two renderings of a quotation, for showing them side by side. */
export function quoteDiff(a: string, b: string): QuoteDiffPart[] {
  return diffWords(a, b).map(({ value, added, removed }) => ({ value, added, removed }));
}
