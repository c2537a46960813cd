/**
 * `text.matchAll(pattern)` for a global pattern, as an array. `matchAll` copies the pattern on
 * every call, which costs more than the search itself for most sentences; this searches with the
 * pattern itself, from `lastIndex` 0, and leaves `lastIndex` at 0. An empty match moves on by a
 * character (a code point under `u` or `v`), as `matchAll` does.
 */
export function matchesOf(text: string, pattern: RegExp): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError('matchesOf needs a global pattern');
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    out.push(match);
    if (match[0] === '') pattern.lastIndex = advance(text, pattern.lastIndex, pattern.unicode || pattern.unicodeSets);
  }
  return out;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}
