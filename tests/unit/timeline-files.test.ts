import { describe, expect, test } from 'vitest';
import { timelineCsv } from '../../src/lib/exports/csv.ts';
import { timelineIcs } from '../../src/lib/exports/ics.ts';
import { TIMELINE_FILES, timelineFilesKey, type TimelineFileName, type TimelineFilesIncident } from '../../src/lib/exports/timeline-files.ts';
import { exportIncident, exportSite } from '../fixtures/exports/incident.ts';

const options = { site: exportSite, generatedAt: new Date('2021-06-01T12:00:00Z') };
const names = Object.keys(TIMELINE_FILES) as TimelineFileName[];

async function renderAll(incident: TimelineFilesIncident): Promise<string[]> {
  return Promise.all(names.map((name) => TIMELINE_FILES[name].render(incident, options)));
}

type Path = Array<string | number>;

/** Every string, number and boolean in `value`, by its path. */
function leaves(value: unknown, at: Path = []): Array<{ path: Path; value: string | number | boolean }> {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [{ path: at, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...at, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...at, key]));
  return [];
}

function withValue<T>(root: T, path: Path, value: unknown): T {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

/** Other values to try at `path`: the value changed, then the values the same field holds elsewhere (a date must stay a date). */
function candidates(all: ReturnType<typeof leaves>, path: Path, value: string | number | boolean): unknown[] {
  if (typeof value === 'boolean') return [!value];
  if (typeof value === 'number') return [value + 1];
  const field = path.at(-1);
  const others = [...new Set(all.filter((leaf) => leaf.path.at(-1) === field && leaf.value !== value).map((leaf) => leaf.value))];
  return [`${value}x`, ...others];
}

describe('the timeline files', () => {
  test('render what the export builders make, each with its media type', async () => {
    expect(TIMELINE_FILES['timeline.csv'].render(exportIncident, options)).toBe(timelineCsv(exportIncident, options));
    expect(TIMELINE_FILES['timeline.ics'].render(exportIncident, options)).toBe(timelineIcs(exportIncident, options));
    expect(JSON.parse(TIMELINE_FILES['timeline.timelinejs.json'].render(exportIncident, options))).toHaveProperty('events');
    const feed = await TIMELINE_FILES['feed.xml'].render(exportIncident, options);
    expect(feed).toContain('<rss');
    expect(feed).toContain(`<lastBuildDate>${options.generatedAt.toUTCString()}</lastBuildDate>`);
    expect(feed).toContain('Weekly, Inc.');
    expect(TIMELINE_FILES['timeline.csv'].type).toMatch(/^text\/csv/);
    expect(TIMELINE_FILES['timeline.ics'].type).toMatch(/^text\/calendar/);
  });
});

describe('timelineFilesKey', () => {
  test('changes whenever a change to the incident changes a file', async () => {
    const before = await renderAll(exportIncident);
    const key = timelineFilesKey(exportIncident);
    const all = leaves(exportIncident);
    let changing = 0;
    for (const { path, value } of all) {
      for (const next of candidates(all, path, value)) {
        const changed = withValue(exportIncident, path, next);
        let after: string[];
        try {
          after = await renderAll(changed);
        } catch {
          // Not a value the field can hold (a date that is no date): try the next.
          continue;
        }
        if (after.some((text, index) => text !== before[index])) {
          changing++;
          expect(timelineFilesKey(changed), `${path.join('.')}: ${JSON.stringify(value)} → ${JSON.stringify(next)}`).not.toBe(key);
        }
        break;
      }
    }
    // Most fields are printed: the check above ran on them, not on a handful.
    expect(changing).toBeGreaterThan(60);
  });

  test('changes when a source gains a field the files print', async () => {
    const changed = withValue(exportIncident, ['sources', 0, 'author'], 'Jane Roe');
    expect((await renderAll(changed)).join('')).not.toBe((await renderAll(exportIncident)).join(''));
    expect(timelineFilesKey(changed)).not.toBe(timelineFilesKey(exportIncident));
  });

  test('stays when only what no file prints changes: an article gained a sentence that reports no happening', async () => {
    let changed = withValue(exportIncident, ['sources', 0, 'sentences'], exportIncident.sources[0]!.sentences + 1);
    changed = withValue(changed, ['claims', 0, 'text'], 'Another wording of the same claim.');
    expect(await renderAll(changed)).toEqual(await renderAll(exportIncident));
    expect(timelineFilesKey(changed)).toBe(timelineFilesKey(exportIncident));
  });

  test('is the same for the same incident, whatever object holds it', () => {
    expect(timelineFilesKey(structuredClone(exportIncident))).toBe(timelineFilesKey(exportIncident));
  });
});
