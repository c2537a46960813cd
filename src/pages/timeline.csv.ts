import type { APIRoute } from 'astro';
import { timelineCsv } from '../lib/exports/csv.ts';
import { getIncidentSite } from '../lib/incident.ts';

/** The timeline as CSV, one row per mention (see `timelineCsv`). */
export const GET: APIRoute = async ({ site }) => {
  const incident = await getIncidentSite();
  return new Response(timelineCsv(incident, { site: site ?? 'http://localhost/', eventHref: incident.timeline.eventHref }), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
