import type { IncidentJson } from '../../pipeline/build-incident.ts';
import { eventTopics } from '../event-topics.ts';
import { sentenceUrl, type ExportOptions } from './site-url.ts';

/** The columns of `/timeline.csv`, in order. */
export const TIMELINE_CSV_COLUMNS = [
  'event_id',
  'event_date',
  'event_precision',
  'event_approximate',
  'event_summary',
  'event_topics',
  'source_id',
  'outlet',
  'sentence',
  'date_expression',
  'mention_date',
  'mention_precision',
  'sentence_url',
  'article_url',
] as const;

/**
 * Records as RFC 4180 CSV: every field quoted (so commas, quotes and line breaks inside a sentence
 * survive any reader), quotes doubled, records ended by CRLF.
 */
export function toCsv(records: readonly (readonly string[])[]): string {
  return records.map((record) => `${record.map((field) => `"${field.replaceAll('"', '""')}"`).join(',')}\r\n`).join('');
}

/**
 * The timeline as CSV, one row per mention: each row is one outlet's sentence reporting one
 * happening, with the happening's columns repeated, so the file can be filtered by outlet or
 * pivoted by happening without losing which sentence says what.
 */
export function timelineCsv(incident: Pick<IncidentJson, 'events' | 'claims' | 'incident' | 'sources'>, options: ExportOptions): string {
  const sources = new Map(incident.sources.map((source) => [source.id, source]));
  const topics = eventTopics(incident);
  const rows: string[][] = [[...TIMELINE_CSV_COLUMNS]];
  for (const event of incident.events) {
    for (const mention of event.mentions) {
      const source = sources.get(mention.source);
      rows.push([
        event.id,
        event.date,
        event.precision,
        String(event.approximate),
        event.summary,
        (topics.get(event.id) ?? []).join(' '),
        mention.source,
        source?.outlet ?? mention.source,
        mention.text,
        mention.expression ?? '',
        mention.date.value,
        mention.date.precision,
        sentenceUrl(options.site, mention.source, mention.anchor),
        source?.url ?? '',
      ]);
    }
  }
  return toCsv(rows);
}
