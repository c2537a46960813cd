import type { IncidentJson } from '../../pipeline/build-incident.ts';
import { formatPartialDate, formatPublished, toPartialDate } from '../../pipeline/partial-date.ts';
import type { PartialDate } from '../../pipeline/types.ts';
import { eventTopics } from '../event-topics.ts';
import { reportLane } from '../report-lane.ts';
import { eventUrl, sentenceUrl, siteUrl, type ExportOptions } from './site-url.ts';

/** A TimelineJS date: only the components the source states, plus how to show it. */
export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  display_date?: string;
}

export interface TimelineJsText {
  headline: string;
  /** HTML. */
  text: string;
}

export interface TimelineJsSlide {
  unique_id: string;
  start_date: TimelineJsDate;
  text: TimelineJsText;
  group?: string;
}

/** Knight Lab TimelineJS's JSON format: https://timeline.knightlab.com/docs/json-format.html */
export interface TimelineJsDocument {
  title: { text: TimelineJsText };
  events: TimelineJsSlide[];
}

/** Group of the slides for the coverage itself: when each outlet published and revised. */
export const COVERAGE_GROUP = 'Coverage';
/** Group of the happenings whose sentences answer none of the incident's questions. */
export const OTHER_GROUP = 'Other happenings';

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/**
 * A date's components down to its precision and no further: a month-precise date has no day, so
 * TimelineJS does not show the first of the month as if it were known.
 */
export function timelineJsDate(date: PartialDate): TimelineJsDate {
  const [year = 0, month, day] = date.value.slice(0, 10).split('-').map(Number);
  const result: TimelineJsDate = { year, display_date: formatPartialDate(date) };
  if (date.precision === 'year') return result;
  result.month = month ?? 1;
  if (date.precision === 'month') return result;
  result.day = day ?? 1;
  const time = date.precision === 'time' ? /T(\d{2}):(\d{2})/.exec(date.value) : null;
  if (time) {
    // TimelineJS has no time zones: the clock time stays as the source states it and
    // display_date names the zone.
    result.hour = Number(time[1]);
    result.minute = Number(time[2]);
  }
  return result;
}

/**
 * The timeline in TimelineJS's JSON format: one slide per happening, grouped by the question of
 * the incident its sentences most often answer, and one slide per publication or stated revision
 * of an article, in the coverage group. Slide texts quote the sentences and link to them.
 */
export function timelineJs(incident: Pick<IncidentJson, 'events' | 'claims' | 'incident' | 'sources'>, options: ExportOptions): TimelineJsDocument {
  const outlets = new Map(incident.sources.map((source) => [source.id, source.outlet]));
  const outletOf = (id: string) => outlets.get(id) ?? id;
  const questions = new Map(incident.incident.topics.map((topic) => [topic.id, topic.question]));
  const topics = eventTopics(incident);
  const happenings = incident.events.map((event): TimelineJsSlide => {
    const date: PartialDate = { value: event.date, precision: event.precision, approximate: event.approximate };
    const reported = [...new Set(event.mentions.map((mention) => outletOf(mention.source)))];
    const quotes = event.mentions
      .map((mention) => `<li><a href="${escapeHtml(sentenceUrl(options.site, mention.source, mention.anchor))}">${escapeHtml(outletOf(mention.source))}</a>: “${escapeHtml(mention.text)}”</li>`)
      .join('');
    const topic = topics.get(event.id)?.[0];
    return {
      unique_id: event.id,
      start_date: timelineJsDate(date),
      text: {
        headline: escapeHtml(event.summary),
        text: `<p>Reported by ${escapeHtml(reported.join(', '))}. <a href="${escapeHtml(eventUrl(options, event.id))}">On the timeline</a></p><ul>${quotes}</ul>`,
      },
      group: (topic && questions.get(topic)) ?? OTHER_GROUP,
    };
  });
  const coverage = reportLane(incident.sources).dated.map((entry): TimelineJsSlide => {
    const date = toPartialDate(entry.datetime ?? '');
    const verb = entry.kind === 'published' ? 'publishes' : 'updates';
    const original = entry.source.url ? ` <a href="${escapeHtml(entry.source.url)}">Original article</a>` : '';
    return {
      unique_id: `${entry.kind}-${entry.source.id}-${date.value.replace(/[^0-9A-Za-z]+/g, '')}`,
      start_date: timelineJsDate(date),
      text: {
        headline: escapeHtml(`${entry.source.outlet} ${verb} “${entry.source.title}”`),
        text: `<p>${escapeHtml(entry.kind === 'published' ? 'Published' : 'Updated')} ${escapeHtml(formatPublished(date.value))}. <a href="${escapeHtml(siteUrl(options.site, `sources/${encodeURIComponent(entry.source.id)}/`))}">The article, sentence by sentence</a>${original}</p>`,
      },
      group: COVERAGE_GROUP,
    };
  });
  return {
    title: { text: { headline: escapeHtml(incident.incident.title), text: `<p>${escapeHtml(incident.incident.summary)}</p>` } },
    events: [...happenings, ...coverage],
  };
}
