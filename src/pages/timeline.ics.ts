import type { APIRoute } from 'astro';
import { timelineIcs } from '../lib/exports/ics.ts';
import { getIncidentSite } from '../lib/incident.ts';

/** Every happening of the timeline as a calendar event (see `timelineIcs`). */
export const GET: APIRoute = async ({ site }) => {
  const incident = await getIncidentSite();
  return new Response(timelineIcs(incident, { site: site ?? 'http://localhost/', eventHref: incident.timeline.eventHref, generatedAt: new Date(incident.builtAt.iso) }), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
