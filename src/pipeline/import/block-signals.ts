/**
 * Measures of one block that tell article text from page clutter. Article paragraphs are
 * sentences: they end with sentence punctuation and hold lowercase words. Menus, teasers, labels
 * and captions are short and end without it.
 */

const BULLET = /^(?:[•·*▪◦‣]|[–—-](?=\s))\s*/u;
const CLOSERS = /["”’'»)\]]+$/u;

/** The block's text without a leading list bullet, which saved pages print before menu items. */
export function stripBullet(text: string): string {
  return text.trim().replace(BULLET, '');
}

export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/** The punctuation the block ends with, closing quotes and brackets set aside. */
export function finalMark(text: string): string {
  const trimmed = text.trim().replace(CLOSERS, '');
  if (/(?:\.\.\.|…)$/u.test(trimmed)) return '…';
  return trimmed.slice(-1);
}

/** "The Lumen 7 Plus.": a short name with a period, as image captions and alt texts are printed. */
export function isNameWithPeriod(text: string): boolean {
  const trimmed = text.trim();
  if (!/\.$/.test(trimmed) || wordCount(trimmed) > 6) return false;
  const words = trimmed.slice(0, -1).split(/\s+/);
  return words.every((word, index) => (index === 0 ? /^\p{Lu}[\p{L}\p{N}'’.-]*$/u : /^[\p{Lu}\p{N}][\p{L}\p{N}'’.-]*$/u).test(word));
}

const QUOTED_SENTENCE = /^[“"«„‘][^“”"«»„]*[.!?…]["”’'»]$/u;
/** Minimum words of a question or exclamation to count as a paragraph rather than a heading. */
export const QUESTION_MIN_WORDS = 6;
/** Minimum words of a line ending with a colon ("The original article follows:") to count as text. */
export const LEAD_IN_MIN_WORDS = 4;
/** A block this long is article text even without final punctuation. */
export const LONG_BLOCK_WORDS = 25;

/**
 * Whether the block reads as article text: a quotation ending with sentence punctuation, a
 * statement of three or more words ending with a period (and not just a name), a question of six
 * or more words, a lead-in of four or more words ending with a colon, or anything of 25 words or more.
 */
export function isProse(text: string): boolean {
  // A quotation printed as its own paragraph is article text however short: “No.”
  if (QUOTED_SENTENCE.test(text.trim())) return true;
  const words = wordCount(text);
  const mark = finalMark(text);
  if (mark === '.' || mark === '…' || mark === '।' || mark === '。') return words >= 3 && !isNameWithPeriod(text);
  if (mark === '?' || mark === '!' || mark === '？' || mark === '！') return words >= QUESTION_MIN_WORDS;
  if (mark === ':') return words >= LEAD_IN_MIN_WORDS;
  return words >= LONG_BLOCK_WORDS;
}

/** The form a text is compared in to find repeats: case, spacing and bullets ignored. */
export function repeatKey(text: string): string {
  return stripBullet(text).toLowerCase().replace(/\s+/g, ' ');
}
