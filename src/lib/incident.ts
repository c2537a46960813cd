import { getCollection, getEntry } from 'astro:content';
import { buildIncident, type IncidentJson } from '../pipeline/build-incident.ts';
import { formatBuildTime } from './format-build-time.ts';

export interface IncidentSite extends IncidentJson {
  builtAt: { iso: string; text: string };
}

let cached: Promise<IncidentSite> | undefined;

async function load(): Promise<IncidentSite> {
  const [articles, incident] = await Promise.all([getCollection('articles'), getEntry('incident', 'incident')]);
  if (!incident) throw new Error('incident.yaml was not loaded');
  const built = process.env['SOURCE_DATE_EPOCH'] ? new Date(Number(process.env['SOURCE_DATE_EPOCH']) * 1000) : new Date();
  return {
    ...buildIncident(incident.data, articles.map((entry) => entry.data)),
    builtAt: formatBuildTime(built),
  };
}

/**
 * The merged incident, computed once per build and shared by every page: merging walks every
 * article, so doing it per page would make the build quadratic.
 */
export function getIncidentSite(): Promise<IncidentSite> {
  cached ??= load();
  return cached;
}
