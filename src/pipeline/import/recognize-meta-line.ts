import { parseStatedDate } from './parse-stated-date.ts';

/**
 * Lines where a page states its own metadata instead of article text: bylines ("Ro, 22 March
 * 2019", "By Jane Roe | May 10, 2024"), publication lines ("Published: March 22, 2019 12:17 PM
 * IST", "Published onMarch 22, 2019"), revision lines ("Updated: …") and lines that are only a date.
 */

export type MetaLine =
  | { kind: 'byline'; author: string; date?: string }
  | { kind: 'published'; date: string }
  | { kind: 'updated'; date: string }
  | { kind: 'date'; date: string }
  /** A publication or revision line whose date cannot be read for certain ("Posted: 10/05/2024"). */
  | { kind: 'unreadable'; of: 'published' | 'updated' };

const BULLET = /^[•·*▪◦‣–—-]\s+/u;
const PUBLISHED = /^(?:first\s+)?(?:published|posted|publication\s+date|date\s+published|released)(?:\s+date)?\s*(?:on|at)?\s*[:|–—-]?\s*/i;
const UPDATED = /^(?:last\s+)?(?:updated|modified|edited)(?:\s+date)?\s*(?:on|at)?\s*[:|–—-]?\s*/i;
const BY = /^by\s+/i;
const SEPARATOR = /\s*(?:[,|·•–—]|\s-\s)\s*/u;
/** Lowercase words that occur inside personal names. */
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'al', 'el', 'bin', 'ibn', 'and', '&']);

/** Whether a line opens with a publication or revision label ("Published:", "Updated on"). */
export function startsWithMetaLabel(line: string): boolean {
  const text = line.trim().replace(BULLET, '');
  return /^(?:first\s+|last\s+)?(?:published|posted|updated|modified|edited|released|publication\s+date|date\s+published)\b/i.test(text);
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A person's or a desk's name: one to six words, each capitalized (particles aside), no digits. */
export function isNameLike(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (text.length > 60 || words.length > 6 || /\d/.test(text)) return false;
  return words.every((word, index) => /^\p{Lu}[\p{L}\p{M}.'’-]*$/u.test(word) || (index > 0 && NAME_PARTICLES.has(word.toLowerCase())));
}

function wholeDate(text: string, reference: string | undefined): string | undefined {
  return text ? parseStatedDate(text, { whole: true, ...(reference ? { reference } : {}) })?.value : undefined;
}

/** What a line states about the page, or undefined when it is not a metadata line. */
export function recognizeMetaLine(line: string, reference?: string): MetaLine | undefined {
  const text = line.trim().replace(BULLET, '');
  if (!text || text.length > 120) return undefined;

  for (const [pattern, kind] of [[PUBLISHED, 'published'], [UPDATED, 'updated']] as const) {
    const prefix = pattern.exec(text);
    if (!prefix) continue;
    const rest = text.slice(prefix[0].length);
    const date = wholeDate(rest, reference);
    if (date) return { kind, date };
    if (/\d/.test(rest) && wordCount(rest) <= 8 && prefix[0].trim()) return { kind: 'unreadable', of: kind };
  }

  const by = BY.exec(text);
  const rest = by ? text.slice(by[0].length) : text;
  const parts = rest.split(SEPARATOR);
  for (let cut = parts.length; cut >= 1; cut--) {
    const name = parts.slice(0, cut).join(', ');
    const tail = rest.slice(rest.indexOf(parts[cut - 1] ?? '') + (parts[cut - 1] ?? '').length).replace(SEPARATOR, '');
    if (!isNameLike(name)) continue;
    if (!tail) {
      if (by) return { kind: 'byline', author: name };
      continue;
    }
    const stated = PUBLISHED.exec(tail) ?? UPDATED.exec(tail);
    const date = wholeDate(stated ? tail.slice(stated[0].length) : tail, reference);
    if (date) return { kind: 'byline', author: name, date };
  }
  if (by && parts.every(isNameLike)) return { kind: 'byline', author: rest };

  const date = wholeDate(text, reference);
  return date ? { kind: 'date', date } : undefined;
}
