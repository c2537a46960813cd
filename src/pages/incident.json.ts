import type { APIRoute } from 'astro';
import { getIncidentSite } from '../lib/incident.ts';
import { toIncidentJson } from '../pipeline/build-incident.ts';

/** The same document as `npm run --silent timeline -- <dir> --json`. */
export const GET: APIRoute = async () => {
  const { builtAt: _builtAt, timeline: _timeline, compareSplit: _compareSplit, ...incident } = await getIncidentSite();
  return new Response(toIncidentJson(incident), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
