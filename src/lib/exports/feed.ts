import type { IncidentJson, IncidentSource } from '../../pipeline/build-incident.ts';
import { formatPartialDate, formatPublished, precisionOf } from '../../pipeline/partial-date.ts';
import { eventUrl, siteUrl, type ExportOptions } from './site-url.ts';

/** One item of the feed, in the shape `@astrojs/rss` takes. */
export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate?: Date;
  categories: string[];
}

/**
 * The instant a feed reader can sort on, for a date the source states at least to the day. A
 * day, or a time whose zone the page does not state, becomes that day at 00:00 UTC: feed dates
 * need an instant, and no time or zone is invented. Months and years get none.
 */
export function feedDate(value: string | null): Date | undefined {
  if (!value) return undefined;
  const precision = precisionOf(value);
  if (precision === 'day') return new Date(`${value}T00:00:00Z`);
  if (precision !== 'time') return undefined;
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(value);
  const date = new Date(zoned ? value : `${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function publishedText(source: IncidentSource): string {
  return formatPublished(source.published ?? (source.publishedRange ? { ...source.publishedRange } : 'unknown'));
}

/**
 * The feed's items: each timeline entry, dated by the earliest article reporting it, then each
 * source article, dated by its publication. A timeline entry's own date is in its title, since a
 * feed's date is when something was reported, not when it happened.
 */
export function feedItems(incident: Pick<IncidentJson, 'events' | 'sources'>, options: ExportOptions): FeedItem[] {
  const sources = new Map(incident.sources.map((source) => [source.id, source]));
  const outletOf = (id: string) => sources.get(id)?.outlet ?? id;
  const events = incident.events.map((event): FeedItem => {
    const date = formatPartialDate({ value: event.date, precision: event.precision, approximate: event.approximate });
    const outlets = [...new Set(event.mentions.map((mention) => outletOf(mention.source)))];
    const reportDates = event.mentions
      .map((mention) => feedDate(sources.get(mention.source)?.published ?? null))
      .filter((value): value is Date => value !== undefined)
      .sort((a, b) => a.getTime() - b.getTime());
    const first = reportDates[0];
    return {
      title: `${date}: ${event.summary}`,
      link: eventUrl(options, event.id),
      description: `${date}. Reported by ${outlets.join(', ')}.`,
      ...(first ? { pubDate: first } : {}),
      categories: ['Timeline', ...outlets],
    };
  });
  const articles = incident.sources.map((source): FeedItem => {
    const pubDate = feedDate(source.published);
    return {
      title: `${source.outlet}: ${source.title}`,
      link: siteUrl(options.site, `sources/${encodeURIComponent(source.id)}/`),
      description: `${source.outlet}, published ${publishedText(source)}${source.author ? `, by ${source.author}` : ''}.${source.url ? ` Original: ${source.url}` : ''}`,
      ...(pubDate ? { pubDate } : {}),
      categories: ['Source', source.outlet],
    };
  });
  return [...events, ...articles];
}
