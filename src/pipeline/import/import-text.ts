import { buildBody } from './build-body.ts';
import { choosePublished } from './choose-published.ts';
import { dayOrderOf } from './parse-stated-date.ts';
import { cleanBlocks, HEADER_META } from './clean-blocks.ts';
import { detectLanguage } from './detect-language.ts';
import { ImportError } from './import-error.ts';
import { mergeUpdates } from './merge-updates.ts';
import { splitTextBlocks } from './split-text-blocks.ts';
import type { DetectedMetadata, ImportedPage, StatedDate } from './types.ts';
import { wrapRevisions } from './wrap-revisions.ts';

/**
 * Imports a page saved as plain text: the headline, byline and publication lines become
 * metadata, the clutter is removed (and reported), the article's own revision markers become
 * `:::update` / `:::original` blocks, and every sentence of the article is kept as printed.
 */

export interface ImportTextOptions {
  /** The publication date given by the person importing; dates without a year take it (default none). */
  reference?: string;
}

export function importText(text: string, options: ImportTextOptions = {}): ImportedPage {
  if (text.includes('\u0000')) throw new ImportError('is not a text file (it holds binary data)');
  const blocks = splitTextBlocks(text);
  const first = cleanBlocks(blocks, options.reference ? { reference: options.reference } : {});
  if (!first.kept.length) throw new ImportError('holds no article text: no block reads as sentences');

  // A standfirst is kept as the first paragraph; the byline and date printed under it are still above the text.
  const [opening, second] = first.kept;
  const underStandfirst = (line: number) => opening !== undefined && second !== undefined && line > opening.block.line && line < second.block.line;
  const start = first.meta.some((item) => HEADER_META.has(item.meta.kind) && underStandfirst(item.line)) ? (second?.block.line ?? Infinity) : (opening?.block.line ?? Infinity);
  const byline = first.meta.find((finding) => finding.meta.kind === 'byline');
  const dated = (kind: string, above = false): StatedDate | undefined => {
    const finding = first.meta.find((item) => item.meta.kind === kind && 'date' in item.meta && item.meta.date && (!above || item.line < start));
    return finding && 'date' in finding.meta && finding.meta.date ? { value: finding.meta.date, from: `line ${finding.line}: “${finding.text}”` } : undefined;
  };
  const publicationLine = dated('published');
  const bylineDate = dated('byline');
  const headerDate = dated('date', true);
  // "06/03/2025" above the text, and no other date: read in the order the page's other dates show, if they agree.
  const swappable = first.meta.find((item) => item.meta.kind === 'interchangeable' && item.line < start);
  const numericWarnings: string[] = [];
  let numericDate: StatedDate | undefined;
  if (swappable?.meta.kind === 'interchangeable' && !publicationLine && !bylineDate && !headerDate) {
    const { dayFirst, monthFirst } = swappable.meta;
    const where = `line ${swappable.line}: “${swappable.text}”`;
    const order = dayOrderOf(text);
    if (order) {
      const [value, first] = order.order === 'day-first' ? [dayFirst, 'day'] : [monthFirst, 'month'];
      numericDate = { value, from: `${where}, ${first} first as in “${order.example}”` };
      numericWarnings.push(`published: ${where} is read as ${value}, ${first} first, as the page writes “${order.example}”; check it`);
    } else {
      numericWarnings.push(`published: ${where} may be ${dayFirst} or ${monthFirst}, and no other date of the page shows which comes first; set --published`);
    }
  }
  const reference = options.reference ?? (publicationLine ?? bylineDate ?? headerDate ?? numericDate)?.value;

  // Dates without a year ("Update March 23:") need the publication date, known only now.
  const cleaned = reference && !options.reference ? cleanBlocks(blocks, { reference }) : first;
  const updateLines = cleaned.meta.flatMap((finding) =>
    finding.meta.kind === 'updated' || (finding.meta.kind === 'published' && finding.meta.updated)
      ? [{ value: finding.meta.kind === 'updated' ? finding.meta.date : finding.meta.updated!, from: `line ${finding.line}: “${finding.text}”` }]
      : [],
  );
  const revisions = [...new Set(updateLines.map((line) => line.value))];
  const wrapped = wrapRevisions(cleaned.kept, { ...(reference ? { reference } : {}), ...(revisions.length === 1 ? { revision: revisions[0]! } : {}) });
  const { published, warnings: dateWarnings } = choosePublished([wrapped.original, publicationLine, bylineDate, headerDate, numericDate]);

  const updated = mergeUpdates(wrapped.updates, updateLines);

  const language = detectLanguage(cleaned.kept.map((item) => item.block.text).join(' '));
  const metadata: DetectedMetadata = {
    ...(cleaned.title ? { title: cleaned.title.text } : {}),
    ...(published ? { published } : {}),
    updated,
    ...(byline?.meta.kind === 'byline' ? { author: byline.meta.author } : {}),
    ...(language && language !== 'en' ? { language } : {}),
  };
  const unreadable = cleaned.meta.flatMap((finding) =>
    finding.meta.kind === 'unreadable' ? [`line ${finding.line}: “${finding.text}” states a date that cannot be read for certain (relative, or day and month interchangeable); it is not used`] : [],
  );
  return {
    metadata,
    body: buildBody(wrapped.sections),
    removals: cleaned.removals,
    warnings: [...dateWarnings, ...numericWarnings, ...unreadable, ...wrapped.warnings],
  };
}
