import type { InputBlock } from './types.ts';

/**
 * A saved page's text as blocks: one block per line, grouped by blank lines. Pages saved as text
 * print one paragraph per line. A file hard-wrapped at a fixed width prints a paragraph over
 * several lines: there, a line at least 60% of the width long continues on the next line of its group.
 */

/** Spaces that differ from a plain space only in how a line may wrap. */
const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
export const WRAP_MAX_WIDTH = 120;
/** Share of the wrap width from which a line is taken to continue on the next one. */
export const WRAP_CONTINUES = 0.6;

function normalizeLine(line: string): string {
  return line.replace(SPACES, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Lines shorter than this are not looked at to find the wrap width (names, dates, short last lines). */
const WRAP_MIN_LINE = 40;

/**
 * The width a file is hard-wrapped at, or undefined when its lines are whole paragraphs: the
 * longest of the lines that continue on the next line, when there are at least three such lines of
 * 40 characters or more, none longer than 120, and most of them within a quarter of the longest.
 */
export function wrapWidth(lines: readonly string[]): number | undefined {
  const continued = lines.filter((line, index) => line.length >= WRAP_MIN_LINE && (lines[index + 1] ?? '') !== '').map((line) => line.length);
  if (continued.length < 3) return undefined;
  const width = Math.max(...continued);
  if (width > WRAP_MAX_WIDTH) return undefined;
  const near = continued.filter((length) => length >= 0.75 * width).length;
  return near >= 0.6 * continued.length ? width : undefined;
}

export function splitTextBlocks(text: string): InputBlock[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/).map(normalizeLine);
  const width = wrapWidth(lines);
  const blocks: InputBlock[] = [];
  let group = 0;
  let previousBlank = true;
  lines.forEach((line, index) => {
    if (!line) {
      if (!previousBlank) group++;
      previousBlank = true;
      return;
    }
    const last = blocks[blocks.length - 1];
    const previous = lines[index - 1] ?? '';
    if (width && !previousBlank && last && previous.length >= WRAP_CONTINUES * width) last.text = `${last.text} ${line}`;
    else blocks.push({ line: index + 1, group, text: line });
    previousBlank = false;
  });
  return blocks;
}
