import { stemmer } from 'stemmer';
import type { Actor } from './types.ts';

/** Function words that carry no topic or event meaning in English news prose. */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have having
  he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
  nor not now of off on once only or other our ours ourselves out over own same she should so some such than
  that the their theirs them themselves then there these they this those through to too under until up very
  was we were what when where which while who whom why will with would you your yours yourself yourselves
  said says say according told tells also however meanwhile`.split(/\s+/),
);

export interface StemTokensOptions {
  /** Keep function words (default false). */
  keepStopWords?: boolean;
}

/**
 * Lower-cased, stemmed word tokens of a text, in order.
 * Apostrophes inside words are dropped ("phone’s" → "phone"), digits are kept as tokens.
 */
export function stemTokens(text: string, options: StemTokensOptions = {}): string[] {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`]s\b/g, '')
    .match(/[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu);
  if (!words) return [];
  const out: string[] = [];
  for (const word of words) {
    if (!options.keepStopWords && STOP_WORDS.has(word)) continue;
    out.push(/^\p{N}/u.test(word) ? word : stemOf(word));
  }
  return out;
}

/** Stems by word: news prose repeats its vocabulary, and the stemmer is a pure function of the word. */
const stems = new Map<string, string>();

function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    // A bound on what a long-lived process keeps; a vocabulary rarely reaches it.
    if (stems.size >= 100_000) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/**
 * Rewrites every alias of an actor in a text to a single token (`@<actor id>`), longest alias first,
 * so that "the ferry operator" and "Harbor Lines" compare as the same party.
 */
export function canonicalizeActors(text: string, actors: readonly Actor[]): string {
  const names: Array<{ name: string; id: string }> = [];
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases]) names.push({ name, id: actor.id });
  }
  names.sort((a, b) => b.name.length - a.name.length);
  let out = text;
  for (const { name, id } of names) {
    if (!name.trim()) continue;
    out = out.replace(namePattern(name), ` actor${id.replace(/[^\p{L}\p{N}]/gu, '')} `);
  }
  return out;
}

/** Each name's pattern, compiled once: every report of an article is rewritten with the same few names. */
const namePatterns = new Map<string, RegExp>();

/** A name as a whole word, any case, any run of spaces between its words. `replace` restarts a global pattern from 0, so one object serves every call. */
function namePattern(name: string): RegExp {
  let pattern = namePatterns.get(name);
  if (!pattern) {
    const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
    // Names come from incident definitions: few, but a long-lived process may read many.
    if (namePatterns.size >= 10_000) namePatterns.clear();
    namePatterns.set(name, pattern);
  }
  return pattern;
}
