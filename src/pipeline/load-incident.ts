import { buildIncident, type IncidentJson } from './build-incident.ts';
import { processArticle, type ProcessedArticle } from './process-article.ts';
import { readContent } from './read-content.ts';

export interface LoadedIncident {
  incident: IncidentJson;
  articles: ProcessedArticle[];
}

/** Reads, processes and merges a content folder outside Astro (the CLI and tests). */
export function loadIncident(dir: string): LoadedIncident {
  const content = readContent(dir);
  const articles = content.articles.map(processArticle);
  return { incident: buildIncident(content.incident, articles), articles };
}
