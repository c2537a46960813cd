import { parseStatedDate } from './parse-stated-date.ts';

/**
 * An article's own revision markers at the start of a paragraph: "Update March 23: …",
 * "Update, March 22, 2019 (1:50AM): …", "Original article, March 21, 2019 (8:35AM): …".
 * The label is kept exactly as printed; it ends at the first colon followed by a space, so the
 * colon of "1:50AM" stays inside it.
 */

export interface RevisionMarker {
  kind: 'update' | 'original';
  /** The marker as the article printed it, colon included. */
  label: string;
  /** The text of the paragraph after the marker (may be empty: the text follows in the next block). */
  rest: string;
  /** The date the marker states, at its precision; absent when it states none. */
  at?: string;
}

const UPDATE = /^[[(]?\s*(?:update[ds]?|edit(?:ed)?|correction|clarification)\b(?:[^\n]{0,60}?):(?=\s|$)/i;
const ORIGINAL = /^[[(]?\s*original\s+(?:article|story|post|report|text)\b(?:[^\n]{0,60}?):(?=\s|$)/i;
const BARE_KEYWORD = /^[[(]?\s*[\p{L}]+(?:\s+(?:article|story|post|report|text))?\s*[\])]?\s*:$/iu;
/** "The original article follows:" — ends the update above it without opening a dated block. */
const ORIGINAL_FOLLOWS = /^\(?(?:the\s+)?original\s+(?:article|story|post|report|text)\b[^.!?]{0,40}[:.)]?$/i;

/** The revision marker a paragraph opens with, if any; `reference` supplies a missing year. */
export function recognizeRevisionMarker(text: string, reference?: string): RevisionMarker | undefined {
  for (const [pattern, kind] of [[UPDATE, 'update'], [ORIGINAL, 'original']] as const) {
    const match = pattern.exec(text);
    if (!match) continue;
    const label = match[0];
    const at = parseStatedDate(label, reference ? { reference } : {})?.value;
    // Without a date, only a bare keyword ("Update:") is a marker; "Updated figures: …" is prose.
    if (!at && !BARE_KEYWORD.test(label)) return undefined;
    return { kind, label, rest: text.slice(label.length).trim(), ...(at ? { at } : {}) };
  }
  return undefined;
}

/** Whether a short paragraph announces the original text ("The original article follows:"). */
export function announcesOriginal(text: string): boolean {
  return text.split(/\s+/).length <= 10 && ORIGINAL_FOLLOWS.test(text.trim());
}
