/**
 * A synthetic corpus for benchmarks: N articles by M made-up outlets about one made-up incident
 * (tests/bench/corpus/incident.ts), in the content format of the README. The same options give
 * byte-identical files.
 *
 *     node tests/bench/generate-corpus.ts --articles 1000 [--outlets 125] [--seed 1] --out <dir>
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { composeArticle, samplePublication, type ComposedArticle } from './corpus/compose-article.ts';
import { FIRST_NAMES, INCIDENT, LAST_NAMES } from './corpus/incident.ts';
import { makeOutlets } from './corpus/outlets.ts';
import { createRandom } from './corpus/random.ts';

export interface GenerateCorpusOptions {
  /** How many articles. */
  articles: number;
  /** How many outlets (default: one for every eight articles, at least three). */
  outlets?: number;
  /** Seed of every choice (default 1). */
  seed?: number | string;
}

export interface Corpus {
  incidentYaml: string;
  articles: ComposedArticle[];
}

export function defaultOutletCount(articles: number): number {
  return Math.max(3, Math.ceil(articles / 8));
}

export function generateCorpus(options: GenerateCorpusOptions): Corpus {
  const count = Math.max(1, Math.floor(options.articles));
  const random = createRandom(options.seed ?? 1);
  const outlets = makeOutlets(options.outlets ?? defaultOutletCount(count), random.fork('outlets'), { first: FIRST_NAMES, last: LAST_NAMES });
  const articles = Array.from({ length: count }, (_, index) => {
    const own = random.fork(`article-${index}`);
    const outlet = own.weighted(outlets, (candidate) => candidate.weight);
    return composeArticle(index, outlet, samplePublication(own), own);
  });
  return { incidentYaml: stringify(INCIDENT, { lineWidth: 0 }), articles };
}

/** Writes a corpus as a content folder, replacing the articles of an earlier one. */
export function writeCorpus(dir: string, corpus: Corpus): void {
  const articlesDir = path.join(dir, 'articles');
  rmSync(articlesDir, { recursive: true, force: true });
  mkdirSync(articlesDir, { recursive: true });
  writeFileSync(path.join(dir, 'incident.yaml'), corpus.incidentYaml);
  for (const article of corpus.articles) writeFileSync(path.join(articlesDir, article.fileName), article.markdown);
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { articles: { type: 'string' }, outlets: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  const usage = 'usage: node tests/bench/generate-corpus.ts --articles <N> [--outlets <M>] [--seed <seed>] --out <dir>';
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const articles = Number(values.articles);
  if (!values.out || !Number.isInteger(articles) || articles < 1 || (values.outlets !== undefined && !(Number(values.outlets) >= 1))) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const corpus = generateCorpus({ articles, ...(values.outlets ? { outlets: Number(values.outlets) } : {}), seed: values.seed ?? 1 });
  writeCorpus(values.out, corpus);
  process.stdout.write(`${corpus.articles.length} articles in ${path.resolve(values.out)}\n`);
  return 0;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
