/** Whitespace that `collapseWhitespace` rewrites: a character other than a space, or two in a row. */
const UNCOLLAPSED = /[^\S ]|\s\s/;

/**
 * `text.replace(/\s+/g, ' ')`. Text that holds no whitespace but single spaces is returned as it is:
 * every run of whitespace in it is one space, which the replacement would write back unchanged, and
 * one search for the exception costs far less than a replacement per space.
 */
export function collapseWhitespace(text: string): string {
  return UNCOLLAPSED.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/**
 * A short, stable id for a sentence: the same text always gives the same id, so links to a
 * sentence survive rebuilds and edits elsewhere in the article. FNV-1a over the text with
 * whitespace collapsed, in base 36.
 */
export function sentenceId(text: string, prefix = 's-'): string {
  let hash = 0x811c9dc5;
  const normalized = collapseWhitespace(text).trim();
  for (let i = 0; i < normalized.length; i++) {
    hash ^= normalized.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return prefix + hash.toString(36).padStart(7, '0');
}
