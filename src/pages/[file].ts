import type { APIRoute, GetStaticPaths } from 'astro';
import { TIMELINE_FILES, isTimelineFile, timelineFilesKey } from '../lib/exports/timeline-files.ts';
import { getIncidentSite } from '../lib/incident.ts';

/**
 * The timeline's files for other tools: CSV, iCalendar, TimelineJS and RSS (see `TIMELINE_FILES`).
 * They share one key, a digest of what they print: a rebuild that changes none of it reuses them.
 */
export const getStaticPaths = (async () => {
  const cacheKey = timelineFilesKey(await getIncidentSite());
  return Object.keys(TIMELINE_FILES).map((file) => ({ params: { file }, cacheKey }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { file } = params;
  if (!isTimelineFile(file)) return new Response(null, { status: 404 });
  const incident = await getIncidentSite();
  const { type, render } = TIMELINE_FILES[file];
  const body = await render(incident, { site: site ?? 'http://localhost/', eventHref: incident.timeline.eventHref, generatedAt: new Date(incident.builtAt.iso) });
  return new Response(body, { headers: { 'Content-Type': type } });
};
