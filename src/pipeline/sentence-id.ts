/**
 * A short, stable id for a sentence: the same text always gives the same id, so links to a
 * sentence survive rebuilds and edits elsewhere in the article. FNV-1a over the text with
 * whitespace collapsed, in base 36.
 */
export function sentenceId(text: string, prefix = 's-'): string {
  let hash = 0x811c9dc5;
  const normalized = text.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < normalized.length; i++) {
    hash ^= normalized.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return prefix + hash.toString(36).padStart(7, '0');
}
