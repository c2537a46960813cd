import { mergeIncident, type IncidentJson } from '../pipeline/build-incident.ts';
import { readExtraction } from './article-cache.ts';
import { timelineMemoFile, type MergeInput } from './merge-ahead.ts';
import { timelineMemo } from './timeline-memo.ts';

/**
 * The incident merged from the articles' contributions in the article cache, as the pages and the
 * merge started ahead (merge-ahead-thread.ts) make it. The deduplicated timeline is kept beside
 * the cache, for a rebuild whose reports are all as before.
 */
export function mergeFromCache({ definition, articles, pipeline }: MergeInput): IncidentJson {
  const first = articles[0];
  return mergeIncident(
    definition,
    articles.map((data) => ({ article: { source: data.source, frontmatter: data.frontmatter, sentences: data.sentences }, extraction: readExtraction(data.cache, data.extraction, data.file) })),
    first ? { timeline: timelineMemo(timelineMemoFile(first.cache), pipeline) } : {},
  );
}
