import { getRssString } from '@astrojs/rss';
import type { IncidentJson } from '../../pipeline/build-incident.ts';
import { eventTopics } from '../event-topics.ts';
import { pageKey } from '../page-key.ts';
import { timelineCsv } from './csv.ts';
import { feedItems } from './feed.ts';
import { timelineIcs, type TimelineIcsOptions } from './ics.ts';
import { timelineJs } from './timelinejs.ts';

/** What the timeline's files are made from. */
export type TimelineFilesIncident = Pick<IncidentJson, 'events' | 'claims' | 'incident' | 'sources'>;

/** Where the files point readers, and when they are made (the calendar's stamp, the feed's last build date). */
export type TimelineFileOptions = TimelineIcsOptions;

interface TimelineFile {
  /** Its media type, as served. */
  type: string;
  render: (incident: TimelineFilesIncident, options: TimelineFileOptions) => string | Promise<string>;
}

/**
 * The files that give the timeline to other tools, by their name at the root of the site. They
 * print the timeline's entries with the questions their sentences answer, and the sources'
 * names, titles, addresses and dates; not what the rest of an article says.
 */
export const TIMELINE_FILES = {
  'timeline.csv': { type: 'text/csv; charset=utf-8; header=present', render: timelineCsv },
  'timeline.ics': { type: 'text/calendar; charset=utf-8', render: timelineIcs },
  'timeline.timelinejs.json': { type: 'application/json; charset=utf-8', render: (incident, options) => `${JSON.stringify(timelineJs(incident, options), null, 2)}\n` },
  'feed.xml': {
    type: 'application/xml',
    render: (incident, options) =>
      getRssString({
        title: `${incident.incident.title} · Parallax`,
        description: incident.incident.summary,
        site: options.site,
        items: feedItems(incident, options),
        customData: `<language>en</language><lastBuildDate>${options.generatedAt.toUTCString()}</lastBuildDate>`,
      }),
  },
} as const satisfies Record<string, TimelineFile>;

export type TimelineFileName = keyof typeof TIMELINE_FILES;

/**
 * A digest of everything the timeline's files print, for Astro's incremental build (see `pageKey`):
 * the incident's own fields, the timeline, the questions each entry's sentences answer, and each
 * source but for its count of sentences, which no file prints. A rebuild after an article gained a
 * sentence that reports no happening thus reuses them. Where an entry is on the site follows from
 * the timeline. The time a file is made is left out, as it is from the pages: a reused file keeps
 * the time its text was made.
 */
export function timelineFilesKey(incident: TimelineFilesIncident): string {
  // Each file's route asks: digested once per incident.
  let key = keys.get(incident);
  if (key === undefined) {
    key = pageKey({
      incident: incident.incident,
      events: incident.events,
      topics: [...eventTopics(incident)],
      sources: incident.sources.map(({ sentences: _notPrinted, ...printed }) => printed),
    });
    keys.set(incident, key);
  }
  return key;
}

const keys = new WeakMap<TimelineFilesIncident, string>();
