/**
 * The pipeline and the merge alone, outside Astro, over one content folder: how many articles a
 * second the per-article pipeline processes, how long the merge and each of its stages take, and
 * the process's peak memory. Prints JSON. Run it under `node --cpu-prof` to see where time goes.
 *
 *     node tests/bench/measure-pipeline.ts <content-dir> [--repeat-merge <k>] [--wall]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildIncident } from '../../src/pipeline/build-incident.ts';
import { extractCitations } from '../../src/pipeline/extract-citations.ts';
import { extractClaims } from '../../src/pipeline/extract-claims.ts';
import { extractEventMentions } from '../../src/pipeline/extract-event-mentions.ts';
import { extractQuotes } from '../../src/pipeline/extract-quotes.ts';
import { groupQuotes } from '../../src/pipeline/group-quotes.ts';
import { mergeEvents } from '../../src/pipeline/merge-events.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { readContent } from '../../src/pipeline/read-content.ts';

/** `cpu`: time this process spent on the CPU; `wall`: time that passed. */
export type Clock = 'cpu' | 'wall';

export interface PipelineMeasurement {
  clock: Clock;
  articles: number;
  sentences: number;
  readMs: number;
  processMs: number;
  articlesPerSecond: number;
  /** The whole merge (buildIncident), the best of `repeatMerge` runs. */
  mergeMs: number;
  /** The merge's stages, timed one by one. */
  stagesMs: Record<string, number>;
  events: number;
  mentions: number;
  claims: number;
  quoteGroups: number;
  citations: number;
  /** Size of the incident JSON, the page data every page shares. */
  incidentJsonBytes: number;
  maxRssBytes: number;
}

/** The value and the milliseconds it took: CPU time by default, since other processes share the machine. */
function timed<T>(run: () => T, clock: Clock): [T, number] {
  const start = clock === 'cpu' ? process.cpuUsage() : undefined;
  const wall = performance.now();
  const value = run();
  if (!start) return [value, performance.now() - wall];
  const used = process.cpuUsage(start);
  return [value, (used.user + used.system) / 1000];
}

export function measurePipeline(dir: string, repeatMerge = 1, clock: Clock = 'cpu'): PipelineMeasurement {
  const [content, readMs] = timed(() => readContent(dir), clock);
  const [articles, processMs] = timed(() => content.articles.map(processArticle), clock);
  let incident = buildIncident(content.incident, articles);
  let mergeMs = Infinity;
  for (let run = 0; run < Math.max(1, repeatMerge); run++) {
    const [value, ms] = timed(() => buildIncident(content.incident, articles), clock);
    incident = value;
    mergeMs = Math.min(mergeMs, ms);
  }
  const { actors } = content.incident;
  const ordered = [...articles].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const [mentions, mentionsMs] = timed(() => ordered.flatMap((article) => extractEventMentions(article, { actors })), clock);
  const [, mergeEventsMs] = timed(() => mergeEvents(mentions, { actors }), clock);
  const [, claimsMs] = timed(() => ordered.flatMap((article) => extractClaims(article, content.incident)), clock);
  const [quotes, quotesMs] = timed(() => ordered.flatMap((article) => extractQuotes(article, { actors })), clock);
  const [, groupQuotesMs] = timed(() => groupQuotes(quotes, ordered), clock);
  const [, citationsMs] = timed(() => ordered.flatMap((article) => extractCitations(article, { actors })), clock);
  return {
    clock,
    articles: articles.length,
    sentences: articles.reduce((sum, article) => sum + article.sentences.length, 0),
    readMs,
    processMs,
    articlesPerSecond: articles.length / (processMs / 1000),
    mergeMs,
    stagesMs: {
      extractEventMentions: mentionsMs,
      mergeEvents: mergeEventsMs,
      extractClaims: claimsMs,
      extractQuotes: quotesMs,
      groupQuotes: groupQuotesMs,
      extractCitations: citationsMs,
    },
    events: incident.events.length,
    mentions: mentions.length,
    claims: incident.claims.length,
    quoteGroups: incident.quotes.length,
    citations: incident.citations.length,
    incidentJsonBytes: Buffer.byteLength(JSON.stringify(incident)),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'repeat-merge': { type: 'string' }, wall: { type: 'boolean' } } });
  const dir = positionals[0];
  if (!dir) {
    process.stderr.write('usage: node tests/bench/measure-pipeline.ts <content-dir> [--repeat-merge <k>] [--wall]\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(`${JSON.stringify(measurePipeline(dir, Number(values['repeat-merge'] ?? 1), values.wall ? 'wall' : 'cpu'), null, 2)}\n`);
  }
}
