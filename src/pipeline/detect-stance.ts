import { stemTokens } from './stem-tokens.ts';
import type { Stance, Topic } from './types.ts';
import { matchesOf } from './matches-of.ts';

/** One stemmed token of a text, with the offsets of the word it came from. */
export interface WordToken {
  stem: string;
  /** The word as written, lower-cased. */
  word: string;
  /** Offset of the word in the text (UTF-16 code units). */
  start: number;
  /** Offset after the word. */
  end: number;
}

/** Where a cue of a topic occurs: a half-open range of token indices. */
export interface CueMatch {
  cue: string;
  start: number;
  end: number;
}

// Hyphens split ("third-party" and "third party" must compare equal); dots and apostrophes join
// ("vnet.cn", "didn't" stay one word, so offsets keep pointing at what was written).
const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu;

/** The endings `normalizeSpelling` rewrites, without the conditions on what precedes them. */
const SPELLING_ENDINGS = /(?:ys(?:e|ed|es|ing)|is(?:e|ed|es|ing|ation|ations)|our(?:s|ed|ing|ite|ites|able)?|tre[sd]?|ences?|programmes?)$/u;

/**
 * British and American spellings of one word compare equal once both are rewritten the same way;
 * the rewrite never has to produce a real word, only the same string for both spellings.
 */
export function normalizeSpelling(word: string): string {
  // Each rewrite below needs one of these endings; most words have none, and six replacements per word add up.
  if (!SPELLING_ENDINGS.test(word)) return word;
  return word
    .replace(/ys(e|ed|es|ing)$/u, 'yz$1')
    .replace(/(?<=\p{L}{3})is(e|ed|es|ing|ation|ations)$/u, 'iz$1')
    .replace(/(?<=\p{L}{3})our(s|ed|ing|ite|ites|able)?$/u, 'or$1')
    .replace(/(?<=[^aeiou\d\P{L}])tre(s|d)?$/u, 'ter$1')
    .replace(/^(lic|def|off|pret)ence(s)?$/u, '$1ense$2')
    .replace(/^programme(s)?$/u, 'program$1');
}

/**
 * The stemmed tokens of a text with their word offsets, stop words kept, spelling variants merged.
 * Contractions yield their parts ("didn't" → "didn", "t"), each pointing at the whole word.
 * `stems` remembers each word's stems for the next call: a corpus repeats its vocabulary, and
 * stemming is most of the cost.
 */
export function wordTokens(text: string, stems?: Map<string, readonly string[]>): WordToken[] {
  const out: WordToken[] = [];
  for (const match of matchesOf(text.normalize('NFC'), WORD)) {
    const word = match[0].toLowerCase();
    let wordStems = stems?.get(word);
    if (!wordStems) {
      wordStems = stemTokens(normalizeSpelling(word), { keepStopWords: true });
      stems?.set(word, wordStems);
    }
    for (const stem of wordStems) {
      out.push({ stem, word, start: match.index, end: match.index + match[0].length });
    }
  }
  return out;
}

/** A cue with its stems, ready to match. */
export interface CuePhrase {
  cue: string;
  stems: string[];
}

/** The stems of each cue, as `wordTokens` gives them for the same words in a sentence; longest first. */
export function compileCues(cues: readonly string[], stems?: Map<string, readonly string[]>): CuePhrase[] {
  return cues
    .map((cue) => ({ cue, stems: wordTokens(cue, stems).map((token) => token.stem) }))
    .filter((phrase) => phrase.stems.length > 0)
    .sort((a, b) => b.stems.length - a.stems.length);
}

/** Where each stem occurs in the tokens, in order: for matching many cues against one text. */
export function stemPositions(tokens: readonly WordToken[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  tokens.forEach((token, i) => {
    const at = positions.get(token.stem);
    if (at) at.push(i);
    else positions.set(token.stem, [i]);
  });
  return positions;
}

/**
 * Every occurrence of the cues in the tokens, longest cue first and never overlapping: a
 * multi-word cue matches as a contiguous stemmed phrase, so "personal data" does not match
 * "personnel … data". `positions` (the tokens' `stemPositions`) spares a scan of every token per cue.
 */
export function findCues(tokens: readonly WordToken[], phrases: readonly CuePhrase[], positions: ReadonlyMap<string, readonly number[]> = stemPositions(tokens)): CueMatch[] {
  const taken = new Array<boolean>(tokens.length).fill(false);
  const matches: CueMatch[] = [];
  for (const { cue, stems } of phrases) {
    for (const i of positions.get(stems[0] ?? '') ?? []) {
      if (i + stems.length > tokens.length) break;
      let hit = true;
      for (let j = 0; j < stems.length && hit; j++) hit = !taken[i + j] && tokens[i + j]?.stem === stems[j];
      if (!hit) continue;
      for (let j = 0; j < stems.length; j++) taken[i + j] = true;
      matches.push({ cue, start: i, end: i + stems.length });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** A question that can be answered yes or no opens with an auxiliary verb. */
const YES_NO = /^\s*(?:was|were|is|are|am|did|does|do|has|have|had|can|could|will|would|should|shall|may|might|must)\b/iu;

export function isYesNoQuestion(question: string): boolean {
  return YES_NO.test(question);
}

const NEGATORS = new Set(['no', 'not', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', 'cannot', 'without', 'incorrect', 'false', 'untrue', 'unfounded', 'baseless']);
/** Verbs of denial reach further than a plain "not": "denied that … personal data was sent". */
const DENIALS = /^(?:den(?:y|ies|ied|ying)|debunk(?:s|ed|ing)?|refut(?:e|es|ed|ing)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|rebut(?:s|ted|ting)?)$/u;
const HEDGES = new Set([
  'may', 'might', 'could', 'appear', 'appears', 'appeared', 'apparently', 'reportedly', 'allegedly', 'alleged', 'possibly', 'perhaps',
  'probably', 'likely', 'unlikely', 'seem', 'seems', 'seemed', 'seemingly', 'purportedly', 'supposedly', 'suspected', 'unconfirmed', 'suggests',
]);
/** Hedges of more than one word: "it is believed", "is said to", "is thought to". */
/** An open question is not an answer: "asked if the practice was required", "to assess whether data was compromised". */
const QUESTION_WORDS = new Set(['whether', 'if']);
const HEDGE_PHRASES = /\b(?:it(?:\s+is|[’']s)\s+(?:believed|thought|understood|claimed)|(?:is|are|was|were)\s+(?:said|believed|thought|understood)\s+to|according\s+to\s+(?:some|unconfirmed))\b/giu;
/** Where one clause ends and another begins: punctuation, or a conjunction that opens a contrast. */
const CLAUSE_BREAK = /[;:,()–—]|\b(?:but|although|though|while|whereas|however|yet)\b/giu;
/** A denial verb reaches across commas but not across a contrast: "X denied it, but Y said …". */
const CONTRAST = /\b(?:but|although|though|while|whereas|however|yet)\b/giu;

const isNegator = (word: string, next = ''): boolean => (NEGATORS.has(word) && !(word === 'not' && next === 'only')) || /n[’']t$/u.test(word);

export interface DetectStanceOptions {
  /** How many words before the cue a "no"/"not"/"never" may stand and still negate it (default 8). */
  negationWindow?: number;
  /** The sentence's `wordTokens`, when the caller has them already (default: computed). */
  tokens?: readonly WordToken[];
  /** The topic's `compileCues`, when the caller has them already (default: computed). */
  cues?: readonly CuePhrase[];
}

/**
 * The sentence's position on a yes-or-no topic question: it `denies` when the first cue is negated
 * in its own clause (or follows a verb of denial), `hedges` when a hedge precedes the cue or sits in
 * its clause (a hedge before the negation also wins: "may not have been shared"), and `asserts`
 * otherwise. Open questions ("What data was sent?") and sentences without a cue have no stance.
 */
export function detectStance(sentence: string, topic: Topic, options: DetectStanceOptions = {}): Stance | undefined {
  if (!isYesNoQuestion(topic.question)) return undefined;
  const tokens = options.tokens ?? wordTokens(sentence);
  const cue = findCues(tokens, options.cues ?? compileCues(topic.cues))[0];
  if (!cue) return undefined;
  const window = options.negationWindow ?? 8;
  const cueStart = tokens[cue.start]?.start ?? 0;
  const cueEnd = tokens[cue.end - 1]?.end ?? cueStart;

  let clauseStart = 0;
  let clauseEnd = sentence.length;
  for (const match of matchesOf(sentence, CLAUSE_BREAK)) {
    if (match.index + match[0].length <= cueStart) clauseStart = match.index + match[0].length;
    else if (match.index >= cueEnd && clauseEnd === sentence.length) clauseEnd = match.index;
  }
  let contrastStart = 0;
  for (const match of matchesOf(sentence, CONTRAST)) {
    if (match.index + match[0].length <= cueStart) contrastStart = match.index + match[0].length;
  }

  // Words, not stems: the negators and hedges are read as written.
  const words = matchesOf(sentence.normalize('NFC'), WORD).map((m) => ({ word: m[0].toLowerCase(), start: m.index, original: m[0] }));
  const cueWord = words.findIndex((w) => w.start >= cueStart);
  const cueWordEnd = words.findIndex((w) => w.start >= cueEnd);
  const last = cueWordEnd === -1 ? words.length : cueWordEnd;

  let negation: number | undefined;
  for (let i = cueWord - 1; i >= 0 && i >= cueWord - 15; i--) {
    const w = words[i];
    if (!w) break;
    const inClause = w.start >= clauseStart;
    if ((inClause && cueWord - i <= window && isNegator(w.word, words[i + 1]?.word)) || (w.start >= contrastStart && DENIALS.test(w.word))) {
      negation = w.start;
      break;
    }
  }
  if (negation === undefined) {
    // "personal data was not shared": a negation right after the cue, in the same clause.
    for (let i = last; i < Math.min(words.length, last + 4); i++) {
      const w = words[i];
      if (!w || w.start >= clauseEnd) break;
      if (isNegator(w.word, words[i + 1]?.word)) {
        negation = w.start;
        break;
      }
    }
  }

  let hedge: number | undefined;
  for (const w of words) {
    if (w.start >= clauseEnd) break;
    const hedgeWord = HEDGES.has(w.word) && !(w.original === 'May' && /^\s*\d/u.test(sentence.slice(w.start + 3)));
    if ((hedgeWord && (w.start < cueStart || w.start >= clauseStart)) || (QUESTION_WORDS.has(w.word) && w.start < cueStart)) {
      hedge = w.start;
      break;
    }
  }
  for (const match of matchesOf(sentence, HEDGE_PHRASES)) {
    if (match.index < clauseEnd && (hedge === undefined || match.index < hedge)) hedge = match.index;
  }

  if (negation !== undefined && (hedge === undefined || negation < hedge)) return 'denies';
  return hedge === undefined ? 'asserts' : 'hedges';
}
