import type { APIRoute } from 'astro';
import { getIncidentSite } from '../lib/incident.ts';
import { toIncidentJson } from '../pipeline/build-incident.ts';

/**
 * The same document as `npm run --silent timeline -- <dir> --json`, as `astro dev` serves it. A build
 * writes it itself, while the search index is written (src/integrations/incident-file.ts).
 */
export const prerender = true;

export const GET: APIRoute = async () => {
  const { incident, sources, events, claims, quotes, citations } = await getIncidentSite();
  return new Response(toIncidentJson({ incident, sources, events, claims, quotes, citations }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
