/**
 * Splits the plain text of one block into sentences: Intl.Segmenter proposes boundaries, and the
 * rules below veto the ones that news prose gets wrong (abbreviations, quotations, attributions)
 * and add the ones it misses (a sentence that starts with a digit or an opening quote).
 */

import { matchesOf } from './matches-of.ts';

export interface SentenceSpan {
  /** Offset of the first character (UTF-16 code units); never whitespace. */
  start: number;
  /** Offset after the last character; never preceded by whitespace. */
  end: number;
  /** `text.slice(start, end)` of the input. */
  text: string;
}

export interface SegmentSentencesOptions {
  /** BCP 47 locale handed to Intl.Segmenter (default `'en'`); an invalid tag throws a RangeError. */
  locale?: string;
  /** Extra abbreviations that never end a sentence, with or without the final dot (default `[]`). */
  abbreviations?: string[];
  /**
   * A sentence segmenter for `locale`, when the caller segments many blocks (default: made for this
   * call). Making one costs more than segmenting a paragraph with it.
   */
  segmenter?: Intl.Segmenter;
}

/** Abbreviations that are always followed by more of the same sentence (titles, "e.g."). */
const NEVER_FINAL = new Set(
  `mr mrs ms mx dr prof st mt ft gen gov sen rep rev hon pres supt sgt lt col capt cmdr adm maj det insp
  fr messrs mme mlle vs v approx ca cf viz e.g i.e incl esp est dept govt`.split(/\s+/),
);

/**
 * Abbreviations that end a sentence only when the next word plainly starts one: "Acme Inc. The deal"
 * splits, "Acme Inc. Chief Executive" and "King Jr. Day" do not. Initialisms (U.S., U.N.) and single
 * capital initials (John F. Kennedy) follow the same rule.
 */
const SOMETIMES_FINAL = new Set(
  'inc ltd co corp llc plc bros jr sr ave rd blvd a.m p.m u.s u.k u.n e.u'.split(' '),
);

/** Abbreviations that never end a sentence when a number follows ("No. 5", "Sept. 12"); case matters. */
const BEFORE_NUMBER = new Set(
  'No Nos Vol vol p pp Fig fig Art Sec ch Ch Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '),
);

/** Capitalized function words that open sentences and rarely continue a proper noun. */
const SENTENCE_STARTERS = new Set(
  `The A An It Its He She His Her They Their We Our I You This That These Those There Here In On At By For
  From With After Before During When While Where Why How What Who Which But And Or So Yet However Meanwhile
  Also Still Then Now Since As If Although Though Because According Some Many Most All Both Each Every None
  Last Next Earlier Later Today Yesterday Tomorrow Instead Despite Under Over Until Once Such`.split(/\s+/),
);

const SPEECH_VERBS =
  'said|says|asked|asks|told|tells|added|adds|wrote|writes|explained|noted|replied|stated|insisted|argued|claimed';
/** "“Why now?” Jane Doe asked." — an attribution after a quoted question or exclamation. */
const SPEECH_AFTER_QUOTE = new RegExp(
  `^\\s+(?:(?:\\p{Lu}[\\p{L}\\p{M}’'.-]*\\s+){1,4}(?:${SPEECH_VERBS})|(?:${SPEECH_VERBS})\\s+\\p{Lu})\\b`,
  'u',
);

/** Sentence ends Intl.Segmenter misses: the next sentence opens with a number, a quote, a parenthesis or a camel-cased brand. */
const MISSED_BREAK = /(?<![.…])(?:\.(?![.…])|[?!]+)[”"’'»›)\]]*(?=\s+(?:[“"«„(]|\p{Sc}?\p{N}|\p{Ll}+\p{Lu}))/gu;

const LOOK_BEHIND = 48;
const CLOSERS = /[”"’'»›)\]]+$/u;
const OPENERS = /^[“"«„‘'(\[¿¡]+/u;
const LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029]/g;
/** The marks `quotationRegions` pairs. */
const DOUBLE_MARK = /[“”„«»"]/;

/** "(via Reuters)", "(Associated Press)": a short parenthetical that names a source, with no sentence end inside. */
const ATTRIBUTION = /^\s*\(([^()]{1,60})\)\.?/u;
const ATTRIBUTION_CUE = /^(?:via|source|sources|h\/t|hat tip|credit|courtesy|photo|image|from)\b/iu;
const CAPITALIZED_WORDS = /^(?:[\p{Lu}\p{N}][\p{L}\p{N}.&’'-]*\s*){1,6}$/u;

/**
 * The sentences of one block, in order, as offsets into `text`. Nothing is lost: the text between
 * spans, before the first and after the last is whitespace only.
 */
export function segmentSentences(text: string, options: SegmentSentencesOptions = {}): SentenceSpan[] {
  // Line breaks inside one block are soft wraps, but Intl.Segmenter always breaks after them.
  const flat = text.replace(LINE_BREAKS, ' ');
  const extra = new Set((options.abbreviations ?? []).map((a) => a.replace(/\.$/, '').toLowerCase()));
  const segmenter = options.segmenter ?? new Intl.Segmenter(options.locale ?? 'en', { granularity: 'sentence' });

  const candidates = new Set<number>();
  for (const { index } of segmenter.segment(flat)) candidates.add(trimEnd(flat, index));
  for (const match of matchesOf(flat, MISSED_BREAK)) candidates.add(match.index + match[0].length);

  const quotes = quotationRegions(flat);
  const contentEnd = trimEnd(flat, flat.length);
  const cuts: number[] = [];
  let quote = 0;
  for (const candidate of [...candidates].sort((a, b) => a - b)) {
    if (candidate <= 0 || candidate >= contentEnd) continue;
    while ((quotes[quote]?.[1] ?? Infinity) < candidate) quote++;
    if ((quotes[quote]?.[0] ?? Infinity) < candidate) continue;
    const attribution = ATTRIBUTION.exec(flat.slice(candidate));
    if (attribution && isAttribution(attribution[1] ?? '')) {
      // The sentence ends after the attribution, if what follows the attribution starts a new one.
      const moved = candidate + attribution[0].length;
      if (moved < contentEnd && endsSentence(flat, candidate, moved, extra)) cuts.push(moved);
    } else if (endsSentence(flat, candidate, candidate, extra)) {
      cuts.push(candidate);
    }
  }

  const spans: SentenceSpan[] = [];
  const edges = [0, ...cuts, text.length];
  for (let i = 1; i < edges.length; i++) {
    const from = edges[i - 1] ?? 0;
    const to = edges[i] ?? text.length;
    if (to <= from) continue;
    const end = trimEnd(text, to, from);
    let start = from;
    while (start < end && /\s/u.test(text[start] ?? '')) start++;
    if (start < end) spans.push({ start, end, text: text.slice(start, end) });
  }
  return spans;
}

/**
 * Whether a boundary proposed at `at` (right after the candidate's last non-space character) is a
 * real sentence end, judged by what precedes `at` and by the text from `resume` on.
 */
function endsSentence(text: string, at: number, resume: number, extra: ReadonlySet<string>): boolean {
  // A bounded look-behind keeps long blocks linear; no abbreviation or run of closers is that long.
  const before = text.slice(Math.max(0, at - LOOK_BEHIND), at);
  const closers = CLOSERS.exec(before)?.[0] ?? '';
  const terminatorAt = before.length - closers.length - 1;
  const terminator = before[terminatorAt] ?? '';
  const after = text.slice(resume);
  const next = after.trimStart();
  // "example.com", "page?id=3": an ASCII terminator glued to the next word is part of a token.
  if (resume === at && next.length === after.length && /[.?!]/.test(terminator)) return false;
  if (startsLowercase(next)) return false;
  if (/[?!]/.test(terminator) && /["”»]/.test(closers) && SPEECH_AFTER_QUOTE.test(after)) return false;
  if (terminator !== '.' || closers !== '' || before[terminatorAt - 1] === '.') return true;

  const word = /(?<![\p{L}\p{N}.])\p{L}[\p{L}.]*$/u.exec(before.slice(0, terminatorAt))?.[0];
  if (word === undefined) return true;
  const key = word.toLowerCase();
  if (NEVER_FINAL.has(key) || extra.has(key)) return false;
  if (BEFORE_NUMBER.has(word) && /^\p{N}/u.test(next)) return false;
  if (SOMETIMES_FINAL.has(key) || /^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word)) {
    return startsSentence(next);
  }
  return true;
}

/** Whether `next` plainly opens a sentence: a quotation or a function word such as "The" (not an initial like "A."). */
function startsSentence(next: string): boolean {
  if (/^[“"«„]/u.test(next)) return true;
  const word = /^(\p{L}+)(.?)/u.exec(next);
  return word !== null && word[2] !== '.' && SENTENCE_STARTERS.has(word[1] ?? '');
}

/** Whether the next word starts with a lowercase letter (camel-cased brands such as "iPhone" excepted). */
function startsLowercase(next: string): boolean {
  const word = next.replace(OPENERS, '');
  return /^\p{Ll}/u.test(word) && !/^\p{Ll}+\p{Lu}/u.test(word);
}

function isAttribution(inside: string): boolean {
  if (/[.?!](?:\s|$)/u.test(inside)) return false;
  return ATTRIBUTION_CUE.test(inside.trim()) || CAPITALIZED_WORDS.test(inside.trim());
}

/** Offset after the last non-whitespace character before `at`, but not before `floor`. */
function trimEnd(text: string, at: number, floor = 0): number {
  let end = at;
  while (end > floor && /\s/u.test(text[end - 1] ?? '')) end--;
  return end;
}

/**
 * Outermost double quotations as [open, close] offsets of their marks, or none at all when the marks
 * do not balance: a stray mark must not swallow the rest of the paragraph. Handles “…”, „…“, „…”,
 * ”…” (Swedish), «…», »…« and "…"; single quotes are apostrophes far too often to count.
 */
function quotationRegions(text: string): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  // Most blocks hold no double quotation mark; one search tells so faster than the loop below.
  if (!DOUBLE_MARK.test(text)) return regions;
  const stack: string[] = [];
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const mark = text[i] ?? '';
    if (!'“”„«»"'.includes(mark)) continue;
    const top = stack[stack.length - 1];
    const closes =
      (mark === '“' && top === '„') ||
      (mark === '”' && (top === '“' || top === '„' || top === '”')) ||
      (mark === '»' && top === '«') ||
      (mark === '«' && top === '»') ||
      (mark === '"' && top === '"');
    if (closes) {
      stack.pop();
      if (stack.length === 0) regions.push([open, i]);
    } else {
      if (stack.length === 0) open = i;
      stack.push(mark);
    }
  }
  return stack.length === 0 ? regions : [];
}
