import type { APIRoute } from 'astro';
import { timelineJs } from '../lib/exports/timelinejs.ts';
import { getIncidentSite } from '../lib/incident.ts';

/** The timeline in Knight Lab TimelineJS's JSON format (see `timelineJs`). */
export const GET: APIRoute = async ({ site }) => {
  const incident = await getIncidentSite();
  return new Response(`${JSON.stringify(timelineJs(incident, { site: site ?? 'http://localhost/', eventHref: incident.timeline.eventHref }), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
