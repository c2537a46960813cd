import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { TIMELINE_CSV_COLUMNS, timelineCsv, toCsv } from '../../src/lib/exports/csv.ts';
import { exportIncident, exportSite } from '../fixtures/exports/incident.ts';

const mentions = exportIncident.events.flatMap((event) => event.mentions);

describe('toCsv', () => {
  test('quotes every field, doubles quotes and ends every record with CRLF', () => {
    expect(toCsv([['a', 'b "c"', 'd,e'], ['line\nbreak', '', 'x']])).toBe('"a","b ""c""","d,e"\r\n"line\nbreak","","x"\r\n');
  });
});

describe('timelineCsv', () => {
  const csv = timelineCsv(exportIncident, { site: exportSite });
  const rows = parse(csv, { columns: true, skip_empty_lines: false, relax_column_count: false }) as Array<Record<string, string>>;

  test('has a header row and one row per mention', () => {
    expect(csv.split('\r\n')[0]).toBe(TIMELINE_CSV_COLUMNS.map((column) => `"${column}"`).join(','));
    expect(rows).toHaveLength(mentions.length);
  });

  test('uses CRLF between records and nowhere else outside quoted fields', () => {
    const records = parse(csv, { record_delimiter: '\r\n' }) as string[][];
    expect(records).toHaveLength(mentions.length + 1);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  test('keeps quotes, commas and line breaks of the sentences verbatim', () => {
    expect(rows.map((row) => row['sentence'])).toEqual(mentions.map((mention) => mention.text));
    expect(rows.find((row) => row['sentence']?.includes('\n'))?.['sentence']).toBe('Inspectors wrote:\n"cracks"; nobody acted.');
    expect(rows.find((row) => row['source_id'] === 'weekly')?.['outlet']).toBe('Weekly, Inc.');
  });

  test('repeats the happening on each of its mentions, with its precision and topics', () => {
    const inspection = rows.filter((row) => row['event_id'] === 'inspection');
    expect(inspection).toHaveLength(2);
    for (const row of inspection) {
      expect(row).toMatchObject({ event_date: '2021-02', event_precision: 'month', event_approximate: 'false', event_topics: 'cause warning' });
    }
    expect(rows.find((row) => row['event_id'] === 'failure')).toMatchObject({ event_approximate: 'true', date_expression: '' });
  });

  test('gives absolute addresses of the sentence and of the original article', () => {
    const row = rows.find((candidate) => candidate['event_id'] === 'built');
    expect(row?.['sentence_url']).toBe('https://parallax.test/sources/weekly/#s-1');
    expect(row?.['article_url']).toBe('');
    expect(rows.find((candidate) => candidate['source_id'] === 'daily')?.['article_url']).toBe('https://daily.example/dam');
  });
});
