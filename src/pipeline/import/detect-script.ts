/**
 * The writing system of a block, by counting its letters: a Devanagari sidebar in an English
 * article, or a Cyrillic link list on a French page, is told apart by script alone.
 */

/** Scripts that news pages are written in; Chinese and Japanese characters count as one family. */
const SCRIPTS: Array<[name: string, pattern: RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Gurmukhi', /\p{Script=Gurmukhi}/u],
  ['Gujarati', /\p{Script=Gujarati}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Telugu', /\p{Script=Telugu}/u],
  ['Kannada', /\p{Script=Kannada}/u],
  ['Malayalam', /\p{Script=Malayalam}/u],
  ['Sinhala', /\p{Script=Sinhala}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Han', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Ethiopic', /\p{Script=Ethiopic}/u],
];

export interface ScriptCounts {
  /** Letters per script name; letters of other scripts count under 'Other'. */
  counts: Map<string, number>;
  letters: number;
}

export function countScripts(text: string): ScriptCounts {
  const counts = new Map<string, number>();
  let letters = 0;
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    letters++;
    const name = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Other';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return { counts, letters };
}

/** The script most letters are written in, or undefined for text without letters. */
export function dominantScript(counts: ScriptCounts): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [name, count] of counts.counts) {
    if (count > most) [best, most] = [name, count];
  }
  return best;
}

/** Adds script counts, to find the script of a whole page. */
export function addScriptCounts(all: ScriptCounts[]): ScriptCounts {
  const counts = new Map<string, number>();
  let letters = 0;
  for (const item of all) {
    letters += item.letters;
    for (const [name, count] of item.counts) counts.set(name, (counts.get(name) ?? 0) + count);
  }
  return { counts, letters };
}
