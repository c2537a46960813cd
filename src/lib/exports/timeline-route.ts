import type { APIRoute, GetStaticPaths } from 'astro';
import { getIncidentSite } from '../incident.ts';
import { TIMELINE_FILES, timelineFilesKey, type TimelineFileName } from './timeline-files.ts';

/**
 * The route of one of the timeline's files (see `TIMELINE_FILES`), for a page file named
 * `[name].<extension>.ts`: its one path is keyed on what the files print, so that a rebuild that
 * changes none of it reuses the file. The extension stays in the file's name, so that its address
 * has none of the trailing slash that a page's has.
 */
export function timelineFileRoute(file: TimelineFileName): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  const name = file.slice(0, file.indexOf('.'));
  return {
    getStaticPaths: async () => [{ params: { name }, cacheKey: timelineFilesKey(await getIncidentSite()) }],
    GET: async ({ site }) => {
      const incident = await getIncidentSite();
      const { type, render } = TIMELINE_FILES[file];
      const body = await render(incident, { site: site ?? 'http://localhost/', eventHref: incident.timeline.eventHref, generatedAt: new Date(incident.builtAt.iso) });
      return new Response(body, { headers: { 'Content-Type': type } });
    },
  };
}
