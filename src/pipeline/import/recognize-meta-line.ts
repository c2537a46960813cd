import { interchangeableDate, parseStatedDate, type InterchangeableDate } from './parse-stated-date.ts';

/**
 * Lines where a page states its own metadata instead of article text: bylines ("Ro, 22 March
 * 2019", "By Jane Roe | May 10, 2024"), publication lines ("Published: March 22, 2019 12:17 PM
 * IST", "Published onMarch 22, 2019"), revision lines ("Updated: …") and lines that are only a date.
 */

export type MetaLine =
  | { kind: 'byline'; author: string; date?: string }
  | { kind: 'published'; date: string; /** The revision the same line states: "Published …, updated …". */ updated?: string }
  | { kind: 'updated'; date: string }
  | { kind: 'date'; date: string }
  /** A line that is only a numeric date whose day and month can be swapped ("06/03/2025"). */
  | ({ kind: 'interchangeable' } & InterchangeableDate)
  /** A publication or revision line whose date cannot be read for certain ("Posted: 10/05/2024"). */
  | { kind: 'unreadable'; of: 'published' | 'updated' };

const BULLET = /^[•·*▪◦‣–—-]\s+/u;
const PUBLISHED = /^(?:first\s+|originally\s+)?(?:published|posted|publication\s+date|date\s+published|released)(?:\s+date)?\s*(?:on|at)?\s*[:|–—-]?\s*/i;
const UPDATED = /^(?:last\s+)?(?:updated|modified|edited)(?:\s+date)?\s*(?:on|at)?\s*[:|–—-]?\s*/i;
const BY = /^(?:(?:(?:posted|written|words|story|text|reporting)\s+)?by\s*:?\s+|(?:words|text|author|authors|reporting|written\s+by|story\s+by)\s*:\s*)/i;
/** What a blog prints after the date of its publication line: "Posted 12 March 2025 in Local issues", "… by Jane Roe". */
const AFTER_DATE = /^\s*(?:[|·•–—-]\s*)?(?:in|under|by|filed\s+(?:in|under))\s+[^.!?]{1,60}$/iu;
const SEPARATOR = /\s*(?:[,|·•–—]|\s-\s)\s*/u;
/** Where a publication line goes on to its revision: ", updated …", " | Last modified …". */
const REVISION_AFTER = /\s*[,;|·•–—]\s*(?:last\s+)?(?:updated|modified|edited)\b/iu;
/** The writer named after a publication line's date: "… 2025 by Jane Roe". */
const WRITER_AFTER_DATE = /\d\s*(?:[|·•–—-]\s*)?\bby\s+(.+)$/iu;
/** A separator between a date and its time ("14 October 2025 | 11:20 AM"). */
const DATE_TIME_SEPARATOR = /\s+[|·•]\s+/gu;
/** Lowercase words that occur inside personal names. */
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'al', 'el', 'bin', 'ibn', 'and', '&']);

/** Whether a line opens with a publication or revision label ("Published:", "Updated on"). */
export function startsWithMetaLabel(line: string): boolean {
  const text = line.trim().replace(BULLET, '');
  return /^(?:first\s+|last\s+)?(?:published|posted|updated|modified|edited|released|publication\s+date|date\s+published)\b/i.test(text);
}

/** A writer's role as printed under a byline: "Local Democracy Reporter", "Environment correspondent", "Staff writer". */
const ROLE = /^(?:[\p{L}’'&.-]+\s+){0,4}(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|analyst|critic|photographer|presenter|anchor|bureau\s+chief|stringer)s?(?:\s*[,|]\s*[\p{L}’' &-]{1,40})?$/iu;

/** Whether a line, printed right under a byline, states the writer's role rather than article text. */
export function isBylineRole(line: string): boolean {
  const text = line.trim();
  return text.length <= 80 && !/[.!?:;"“”]$/u.test(text) && ROLE.test(text);
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A person's or a desk's name: one to six words, each capitalized (particles aside), no digits. */
export function isNameLike(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (text.length > 60 || words.length > 6 || /\d/.test(text)) return false;
  return words.every((word, index) => /^\p{Lu}[\p{L}\p{M}.'’-]*$/u.test(word) || (index > 0 && NAME_PARTICLES.has(word.toLowerCase())));
}

/** The date a publication line opens with, when only a category or an author follows it ("12 March 2025 in Local issues"). */
function dateBefore(text: string, reference: string | undefined): string | undefined {
  const found = parseStatedDate(text, reference ? { reference } : {});
  if (!found || !/^[\s,:|–—-]*(?:(?:on|at)\s+)?$/i.test(text.slice(0, found.index))) return undefined;
  return AFTER_DATE.test(text.slice(found.index + found.length)) ? found.value : undefined;
}

function wholeDate(text: string, reference: string | undefined): string | undefined {
  return text ? parseStatedDate(text, { whole: true, ...(reference ? { reference } : {}) })?.value : undefined;
}

/** What a line states about the page, or undefined when it is not a metadata line. */
export function recognizeMetaLine(line: string, reference?: string): MetaLine | undefined {
  const meta = recognize(line, reference);
  return meta?.kind === 'byline' ? { ...meta, author: fromCapitals(meta.author) } : meta;
}

/**
 * A name a byline prints in capitals ("By DANIEL OKONJO", a style of the page) as the name is
 * written: "Daniel Okonjo", particles in lowercase ("JOSÉ DE LA ROSA" → "José de la Rosa").
 * Names printed otherwise, and names with a short word that may be an acronym, are kept as they are.
 */
export function fromCapitals(name: string): string {
  const words = name.split(/\s+/u).filter(Boolean);
  // A short word in capitals may be an acronym ("BBC", "AP"): such a byline is kept as printed.
  const spelled = (word: string) => NAME_PARTICLES.has(word.toLowerCase()) || word.replace(/[^\p{L}]/gu, '').length >= 4;
  if (name !== name.toUpperCase() || !/\p{Lu}{2}/u.test(name) || words.length < 2 || !words.every(spelled)) return name;
  return name
    .split(/(\s+)/u)
    .map((word, index) => (index > 0 && NAME_PARTICLES.has(word.toLowerCase()) ? word.toLowerCase() : word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_, mark: string, letter: string) => mark + letter.toUpperCase())))
    .join('');
}

function recognize(line: string, reference?: string): MetaLine | undefined {
  const text = line.trim().replace(BULLET, '');
  if (!text || text.length > 120) return undefined;

  for (const [pattern, kind] of [[PUBLISHED, 'published'], [UPDATED, 'updated']] as const) {
    const prefix = pattern.exec(text);
    if (!prefix) continue;
    const rest = text.slice(prefix[0].length);
    // "Posted by Jane Roe": a byline.
    if (BY.test(rest)) break;
    // "Posted Wed 8 Oct 2025 at 1:15pm, updated Wed 8 Oct 2025 at 5:40pm": the first date is the line's.
    const revision = kind === 'published' ? REVISION_AFTER.exec(rest) : null;
    const date = wholeDate(rest, reference) ?? dateBefore(rest, reference) ?? (revision ? wholeDate(rest.slice(0, revision.index), reference) : undefined);
    // "Posted on October 12, 2025 by Jane Roe · 6 min read": the writer follows the date.
    const writer = date ? WRITER_AFTER_DATE.exec(rest)?.[1]?.split(SEPARATOR)[0]?.trim() : undefined;
    if (date && writer && isNameLike(writer)) return { kind: 'byline', author: writer, date };
    const revised = revision && date ? wholeDate(rest.slice(revision.index + revision[0].length).replace(/^\s*(?:on|at)?\s*[:|–—-]?\s*/iu, ''), reference) : undefined;
    if (date) return revised && revised > date ? { kind, date, updated: revised } : { kind, date };
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
  // "By Jane Roe · 2 days ago · 9 comments": the name, without a date that can be read.
  if (by && parts.length > 1 && isNameLike(parts[0] ?? '')) return { kind: 'byline', author: parts[0]! };

  // "14 October 2025 | 11:20 AM AEDT": a date and its time set apart by a separator.
  const date = wholeDate(text, reference) ?? (DATE_TIME_SEPARATOR.test(text) ? wholeDate(text.replace(DATE_TIME_SEPARATOR, ' '), reference) : undefined);
  if (date) return { kind: 'date', date };
  const readings = interchangeableDate(text) ?? (DATE_TIME_SEPARATOR.test(text) ? interchangeableDate(text.replace(DATE_TIME_SEPARATOR, ' ')) : undefined);
  return readings ? { kind: 'interchangeable', ...readings } : undefined;
}
