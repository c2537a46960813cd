import type { IncidentSource } from '../pipeline/build-incident.ts';
import { formatPartialDate, formatPublished, sortKey, toPartialDate } from '../pipeline/partial-date.ts';

/** One entry of the coverage lane: an outlet publishing or revising its article. */
export interface ReportEntry {
  source: IncidentSource;
  kind: 'published' | 'updated';
  /** Machine-readable date, when the page states one. */
  datetime?: string;
  /** The date as a reader should see it. */
  label: string;
  key: string;
}

/**
 * The coverage in report time: every publication and stated revision, oldest first. Articles
 * whose date is unknown or only bounded are kept, after the dated ones, ordered by their earliest bound.
 */
export function reportLane(sources: readonly IncidentSource[]): { dated: ReportEntry[]; undated: ReportEntry[] } {
  const dated: ReportEntry[] = [];
  const undated: ReportEntry[] = [];
  for (const source of sources) {
    if (source.published) {
      dated.push({ source, kind: 'published', datetime: source.published, label: formatPartialDate(toPartialDate(source.published)), key: sortKey(source.published) });
    } else {
      const label = formatPublished(source.publishedRange ? { ...source.publishedRange } : 'unknown');
      undated.push({ source, kind: 'published', label, key: source.publishedRange?.after ?? source.publishedRange?.before ?? '9999' });
    }
    for (const at of source.updated) {
      dated.push({ source, kind: 'updated', datetime: at, label: formatPartialDate(toPartialDate(at)), key: sortKey(at) });
    }
  }
  const order = (a: ReportEntry, b: ReportEntry) => a.key.localeCompare(b.key) || a.source.outlet.localeCompare(b.source.outlet);
  return { dated: dated.sort(order), undated: undated.sort(order) };
}
