import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedItems } from '../lib/exports/feed.ts';
import { getIncidentSite } from '../lib/incident.ts';

/** RSS 2.0: the timeline's entries and the source articles (see `feedItems`). */
export const GET: APIRoute = async ({ site }) => {
  const incident = await getIncidentSite();
  const base = site ?? new URL('http://localhost/');
  return rss({
    title: `${incident.incident.title} · Parallax`,
    description: incident.incident.summary,
    site: base,
    items: feedItems(incident, { site: base, eventHref: incident.timeline.eventHref }),
    customData: `<language>en</language><lastBuildDate>${new Date(incident.builtAt.iso).toUTCString()}</lastBuildDate>`,
  });
};
