/**
 * Performance and scale of Parallax, measured in one run on one machine so that the budgets are
 * ratios between builds that shared its load and its disk:
 *
 * - the full `astro build` of Parallax over a synthetic corpus of N articles (generate-corpus.ts),
 *   as `npm run build` runs it (with its Node options, src/lib/build-node-options.ts),
 *   cold (no cache and no output folder of an earlier build) and after changing one article (the
 *   content layer keeps the other articles' analyses, the incremental build their pages, the search
 *   index its unchanged files);
 * - the same Markdown built by a minimal Astro site (tests/bench/baseline/) with Astro's default
 *   Markdown processor and with `unified()` from @astrojs/markdown-remark, and by Hugo;
 * - the pipeline and the merge alone (measure-pipeline.ts), in CPU time;
 * - peak memory of every build, and the size of every page;
 * - where the fastest cold build of Parallax and of the default baseline spent their time, stage
 *   by stage (build-phases.ts), in wall and CPU time.
 *
 *     npm run bench -- [--quick] [--json <file>] [--sizes 100,1000,5000] [--runs <k>] [--work <dir>] [--seed <seed>]
 *
 * Everything is written to the work folder (default `.bench/` in the checkout, on the same disk as
 * the project and inside it, see `astroBuild`). What earlier builds wrote is moved aside there and
 * deleted when the bench ends (see `SetAside`).
 *
 * `--quick` (N ≤ 1 000, one run each) checks that everything builds and prints the budgets without
 * failing on them; the full run exits 1 when a budget is not met.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BUILD_NODE_OPTIONS } from '../../src/lib/build-node-options.ts';
import { PHASES, phaseDurations, type PhaseMark } from './build-phases.ts';
import { defaultOutletCount, generateCorpus, writeCorpus } from './generate-corpus.ts';
import type { PipelineMeasurement } from './measure-pipeline.ts';
import { pageSizes, type PageSize } from './page-sizes.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH = fileURLToPath(new URL('./', import.meta.url));
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const GNU_TIME = '/usr/bin/time';
const KB = 1024;
const MB = 1024 * KB;

/** The budgets of the issue "Performance and scale". */
const BUDGET = {
  /** Parallax's build against the default-processor baseline, at N = 1 000. */
  buildRatio: 2,
  /** Exponent of the build time's growth from N = 1 000 to 5 000. */
  growthExponent: 1.15,
  /** Peak RSS at N = 5 000. */
  peakRssBytes: 2 * 1024 * MB,
  /** A rebuild after changing one article, against a cold build. */
  rebuildShare: 0.4,
  /** Every page of the default site, gzipped, with its CSS. */
  defaultPageGzipBytes: 50 * KB,
  /** Every page at N = 5 000, as HTML. */
  pageHtmlBytes: 500 * KB,
};

interface Run {
  ms: number;
  maxRssBytes: number | null;
  /** Where an Astro build's time went, stage by stage (build-phases.ts); empty for other commands. */
  phases: Array<{ stage: string; ms: number; cpuMs: number }>;
}

interface BuildResult {
  runs: Run[];
  /** The fastest run: on a shared machine the least disturbed one. */
  ms: number;
  maxRssBytes: number | null;
}

interface SizeResult {
  n: number;
  outlets: number;
  corpusBytes: number;
  pipeline: PipelineMeasurement & { wallMs: number };
  parallax: BuildResult;
  /** A build after one article changed, each right after a cold build. */
  rebuild: BuildResult;
  /** Rebuild over cold build, in the median of the (cold, rebuild) pairs. */
  rebuildShare: number;
  rebuildPair: { coldMs: number; rebuildMs: number };
  baselineDefault: BuildResult;
  baselineUnified: BuildResult | { skipped: string };
  hugo: BuildResult | { skipped: string };
  pages: {
    count: number;
    largestHtml: PageSize | undefined;
    largestGzipWithCss: PageSize | undefined;
    overHtmlBudget: PageSize[];
    overGzipBudget: number;
  };
}

interface Budget {
  name: string;
  limit: string;
  measured: string;
  status: 'pass' | 'fail' | 'not measured';
}

interface Options {
  quick: boolean;
  sizes: number[];
  /** Runs of each build at a size: `--runs`, or 3 up to N = 1 000 and 1 above (one run of N = 5 000 takes long enough). */
  runsAt: (n: number) => number;
  work: string;
  seed: string;
  json: string | undefined;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean' },
      json: { type: 'string' },
      sizes: { type: 'string' },
      runs: { type: 'string' },
      work: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write('usage: npm run bench -- [--quick] [--json <file>] [--sizes 100,1000,5000] [--runs <k>] [--work <dir>] [--seed <seed>]\n');
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const sizes = (values.sizes ?? (quick ? '100,1000' : '100,1000,5000')).split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes expects whole numbers, got ${values.sizes}`);
  if (quick && sizes.some((n) => n > 1000)) throw new Error('--quick builds at most 1 000 articles');
  return {
    quick,
    sizes,
    runsAt: (n) => Math.max(1, Number(values.runs ?? (quick || n > 1000 ? 1 : 3))),
    work: path.resolve(values.work ?? path.join(ROOT, '.bench')),
    seed: values.seed ?? '1',
    json: values.json,
  };
}

/**
 * Outputs of earlier builds are moved here rather than deleted, and deleted when the bench ends.
 * ext4 without a journal (as on the machines this runs on) does not give out an inode freed in the
 * last minute, or five while its block is not written back: each file a build creates then skips
 * over every file deleted shortly before, in the kernel. Deleting the last build's thousands of
 * files right before the next made that build pay seconds of system time for it, and the more
 * files a build writes, the more it paid: a measure of the bench's own cleaning, not of the build.
 */
class SetAside {
  readonly #dir: string;
  #count = 0;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Moves `target`, if it exists, out of the way. */
  put(target: string): void {
    if (!existsSync(target)) return;
    mkdirSync(this.#dir, { recursive: true });
    renameSync(target, path.join(this.#dir, `${process.pid}-${this.#count++}`));
  }

  /** Deletes everything set aside, by this run or an earlier one that stopped. */
  empty(): void {
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The file system a folder is on, so the report shows that every build shared one disk. */
function fileSystem(dir: string): string {
  const probe = spawnSync('stat', ['-f', '-c', '%T', dir], { encoding: 'utf8' });
  const df = spawnSync('df', ['-P', dir], { encoding: 'utf8' });
  const device = df.stdout?.split('\n')[1]?.split(/\s+/u)[0];
  return `${probe.stdout?.trim() || 'unknown'}${device ? ` on ${device}` : ''}`;
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true'], { stdio: 'ignore' }).status === 0;

/**
 * Runs a command to the end and measures it: wall time, and peak RSS of the largest process of
 * its tree (GNU time's), or else of the Node process itself (report-rss.ts). Throws with the end
 * of its output when it fails.
 */
async function measure(command: string, args: string[], env: Record<string, string>, cwd = ROOT): Promise<Run> {
  const rssFile = path.join(os.tmpdir(), `parallax-bench-rss-${process.pid}-${Date.now()}`);
  const phasesFile = `${rssFile}-phases.json`;
  const nodeArgs = command === process.execPath && !hasGnuTime ? ['--import', pathToFileURL(path.join(BENCH, 'report-rss.ts')).href] : [];
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-v', '-o', rssFile, command, ...args]] : [command, [...nodeArgs, ...args]];
  const child = spawn(file, argv, { cwd, env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, BENCH_PHASES_FILE: phasesFile }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-6000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const start = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = performance.now() - start;
  let maxRssBytes: number | null = null;
  try {
    const report = readFileSync(rssFile, 'utf8');
    const kbytes = /Maximum resident set size \(kbytes\): (\d+)/u.exec(report)?.[1];
    maxRssBytes = kbytes ? Number(kbytes) * KB : Number(report) || null;
  } catch {
    maxRssBytes = null;
  }
  let phases: Run['phases'] = [];
  try {
    phases = phaseDurations(JSON.parse(readFileSync(phasesFile, 'utf8')) as PhaseMark[]);
  } catch {
    phases = [];
  }
  rmSync(rssFile, { force: true });
  rmSync(phasesFile, { force: true });
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}:\n${tail}`);
  return { ms, maxRssBytes, phases };
}

/** The run that took least time: on a shared machine the least disturbed one. */
function fastest(runs: readonly Run[]): Run {
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

function summarize(runs: Run[]): BuildResult {
  const best = fastest(runs);
  const rss = runs.map((run) => run.maxRssBytes).filter((value): value is number => value !== null);
  return { runs, ms: best.ms, maxRssBytes: rss.length ? Math.max(...rss) : null };
}

/**
 * An Astro build run from the checkout. Its output folder should lie inside the checkout (the
 * default work folder does): Astro keeps its prerender chunks in the output folder only then, and
 * otherwise in `<checkout>/.astro/`, where builds running side by side delete each other's.
 */
function astroBuild(root: string, outDir: string, env: Record<string, string>, config: string[] = [], nodeOptions: readonly string[] = []): Promise<Run> {
  return measure(process.execPath, [...nodeOptions, ASTRO, 'build', '--root', root, ...config, '--outDir', outDir, '--silent'], env);
}

/** Parallax's build as `npm run build` runs it, with its Node options; the baselines run with Node's defaults. */
function parallaxBuild(content: string, outDir: string, cacheDir: string): Promise<Run> {
  const config = ['--config', path.relative(ROOT, path.join(BENCH, 'parallax.config.mjs'))];
  return astroBuild(ROOT, outDir, { PARALLAX_CONTENT: content, BENCH_CACHE_DIR: cacheDir }, config, BUILD_NODE_OPTIONS);
}

function baselineBuild(content: string, outDir: string, cacheDir: string, markdown: 'default' | 'unified'): Promise<Run> {
  return astroBuild(path.join(BENCH, 'baseline'), outDir, { BENCH_CONTENT: content, BENCH_CACHE_DIR: cacheDir, BENCH_MARKDOWN: markdown });
}

/** Why the unified baseline cannot run here, if it cannot: its config imports the package as Node would find it from there. */
function unifiedUnavailable(): string | undefined {
  for (let dir = path.join(BENCH, 'baseline'); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules/@astrojs/markdown-remark/package.json'))) return undefined;
    if (path.dirname(dir) === dir) return '@astrojs/markdown-remark is not installed (add it to devDependencies)';
  }
}

/** A Hugo site over the same articles: one page per article, nothing else. */
function hugoSite(dir: string, content: string, aside: SetAside): void {
  aside.put(dir);
  mkdirSync(path.join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(
    path.join(dir, 'hugo.toml'),
    'baseURL = "https://bench.example/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n[markup.goldmark.renderer]\nunsafe = false\n',
  );
  writeFileSync(path.join(dir, 'layouts/_default/single.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n');
  writeFileSync(path.join(dir, 'layouts/_default/list.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body></body></html>\n');
  mkdirSync(path.join(dir, 'content'), { recursive: true });
  spawnSync('cp', ['-R', path.join(content, 'articles'), path.join(dir, 'content/articles')]);
}

/** Appends a sentence to one article, as an editor correcting it would; returns how to undo it. */
function touchArticle(content: string, name: string, run: number): () => void {
  const file = path.join(content, 'articles', name);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original}\nThis article was corrected (revision ${run + 1}).\n`);
  return () => writeFileSync(file, original);
}

async function measureSize(n: number, opts: Options, hugo: boolean, unifiedSkip: string | undefined, aside: SetAside): Promise<SizeResult> {
  const dir = path.join(opts.work, `n${n}`);
  const content = path.join(dir, 'content');
  aside.put(dir);
  mkdirSync(dir, { recursive: true });
  const corpus = generateCorpus({ articles: n, seed: opts.seed });
  writeCorpus(content, corpus);
  const corpusBytes = corpus.articles.reduce((sum, article) => sum + Buffer.byteLength(article.markdown), 0);
  log(`N=${n}: ${corpus.articles.length} articles, ${(corpusBytes / MB).toFixed(1)} MB in ${content}`);

  log(`N=${n}: pipeline and merge alone`);
  const pipelineFile = path.join(dir, 'pipeline.json');
  const pipelineStart = performance.now();
  const pipelineRun = spawnSync(process.execPath, [path.join(BENCH, 'measure-pipeline.ts'), content], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * MB });
  if (pipelineRun.status !== 0) throw new Error(`measure-pipeline failed:\n${pipelineRun.stderr.slice(-4000)}`);
  writeFileSync(pipelineFile, pipelineRun.stdout);
  const pipeline = { ...(JSON.parse(pipelineRun.stdout) as PipelineMeasurement), wallMs: performance.now() - pipelineStart };

  const parallaxRuns: Run[] = [];
  const rebuildRuns: Run[] = [];
  const defaultRuns: Run[] = [];
  const unifiedRuns: Run[] = [];
  const hugoRuns: Run[] = [];
  const touched = corpus.articles[Math.floor(corpus.articles.length / 2)]?.fileName ?? '';
  // Interleaved, so that a burst of load from other processes hits every kind of build alike.
  const runs = opts.runsAt(n);
  for (let run = 0; run < runs; run++) {
    const tag = runs > 1 ? ` (run ${run + 1}/${runs})` : '';
    log(`N=${n}: baseline, default Markdown processor${tag}`);
    aside.put(path.join(dir, 'cache-default'));
    aside.put(path.join(dir, 'baseline-default'));
    defaultRuns.push(await baselineBuild(content, path.join(dir, 'baseline-default'), path.join(dir, 'cache-default'), 'default'));
    if (!unifiedSkip) {
      log(`N=${n}: baseline, unified()${tag}`);
      aside.put(path.join(dir, 'cache-unified'));
      aside.put(path.join(dir, 'baseline-unified'));
      unifiedRuns.push(await baselineBuild(content, path.join(dir, 'baseline-unified'), path.join(dir, 'cache-unified'), 'unified'));
    }
    if (hugo) {
      log(`N=${n}: Hugo${tag}`);
      hugoSite(path.join(dir, 'hugo'), content, aside);
      hugoRuns.push(await measure('hugo', ['--source', path.join(dir, 'hugo'), '--destination', path.join(dir, 'hugo-public'), '--quiet'], {}));
    }
    log(`N=${n}: Parallax, cold${tag}`);
    // Cold: nothing of an earlier build, neither its caches nor its output (whose search bundle a build reuses).
    aside.put(path.join(dir, 'cache-parallax'));
    aside.put(path.join(dir, 'parallax'));
    parallaxRuns.push(await parallaxBuild(content, path.join(dir, 'parallax'), path.join(dir, 'cache-parallax')));
    log(`N=${n}: Parallax, one article changed${tag}`);
    const undo = touchArticle(content, touched, run);
    try {
      rebuildRuns.push(await parallaxBuild(content, path.join(dir, 'parallax'), path.join(dir, 'cache-parallax')));
    } finally {
      undo();
    }
  }
  const parallax = summarize(parallaxRuns);
  const rebuild = summarize(rebuildRuns);
  // Each rebuild is compared with the cold build right before it; the median pair is reported, so
  // that one disturbed cold build (a slow disk moment) neither flatters nor spoils the share.
  const pairs = parallaxRuns
    .map((cold, index) => ({ coldMs: cold.ms, rebuildMs: rebuildRuns[index]?.ms ?? NaN }))
    .sort((a, b) => a.rebuildMs / a.coldMs - b.rebuildMs / b.coldMs);
  const rebuildPair = pairs[Math.floor((pairs.length - 1) / 2)] ?? { coldMs: NaN, rebuildMs: NaN };

  const sizes = pageSizes(path.join(dir, 'parallax'));
  const byHtml = [...sizes].sort((a, b) => b.htmlBytes - a.htmlBytes);
  const byGzip = [...sizes].sort((a, b) => b.gzipWithCssBytes - a.gzipWithCssBytes);
  return {
    n,
    outlets: defaultOutletCount(n),
    corpusBytes,
    pipeline,
    parallax,
    rebuild,
    rebuildShare: rebuildPair.rebuildMs / rebuildPair.coldMs,
    rebuildPair,
    baselineDefault: summarize(defaultRuns),
    baselineUnified: unifiedSkip ? { skipped: unifiedSkip } : summarize(unifiedRuns),
    hugo: hugo ? summarize(hugoRuns) : { skipped: 'hugo is not on PATH' },
    pages: {
      count: sizes.length,
      largestHtml: byHtml[0],
      largestGzipWithCss: byGzip[0],
      overHtmlBudget: byHtml.filter((page) => page.htmlBytes > BUDGET.pageHtmlBytes),
      overGzipBudget: sizes.filter((page) => page.gzipWithCssBytes > BUDGET.defaultPageGzipBytes).length,
    },
  };
}

/** The site built from the project's own content folder, page by page. */
async function measureDefaultSite(opts: Options, aside: SetAside): Promise<{ build: Run; pages: PageSize[] }> {
  const dir = path.join(opts.work, 'default');
  aside.put(dir);
  mkdirSync(dir, { recursive: true });
  log('default content: Parallax build');
  const build = await parallaxBuild(path.join(ROOT, 'content'), path.join(dir, 'dist'), path.join(dir, 'cache'));
  return { build, pages: pageSizes(path.join(dir, 'dist')).sort((a, b) => b.gzipWithCssBytes - a.gzipWithCssBytes) };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number | null) => (bytes === null ? '–' : `${Math.round(bytes / MB)} MB`);
const kilobytes = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const isBuild = (value: BuildResult | { skipped: string }): value is BuildResult => 'ms' in value;

function budgets(results: SizeResult[], site: { pages: PageSize[] }): Budget[] {
  const at = (n: number) => results.find((result) => result.n === n);
  const out: Budget[] = [];
  const thousand = at(1000);
  out.push(
    thousand
      ? {
          name: 'Parallax build vs default-processor baseline, N = 1 000',
          limit: `≤ ${BUDGET.buildRatio}×`,
          measured: `${(thousand.parallax.ms / thousand.baselineDefault.ms).toFixed(2)}× (${seconds(thousand.parallax.ms)} / ${seconds(thousand.baselineDefault.ms)})`,
          status: thousand.parallax.ms <= BUDGET.buildRatio * thousand.baselineDefault.ms ? 'pass' : 'fail',
        }
      : { name: 'Parallax build vs default-processor baseline, N = 1 000', limit: `≤ ${BUDGET.buildRatio}×`, measured: '–', status: 'not measured' },
  );
  const five = at(5000);
  if (thousand && five) {
    const exponent = Math.log(five.parallax.ms / thousand.parallax.ms) / Math.log(5000 / 1000);
    out.push({
      name: 'Build time growth exponent, N = 1 000 → 5 000',
      limit: `≤ ${BUDGET.growthExponent}`,
      measured: `${exponent.toFixed(2)} (${seconds(thousand.parallax.ms)} → ${seconds(five.parallax.ms)})`,
      status: exponent <= BUDGET.growthExponent ? 'pass' : 'fail',
    });
  } else out.push({ name: 'Build time growth exponent, N = 1 000 → 5 000', limit: `≤ ${BUDGET.growthExponent}`, measured: '–', status: 'not measured' });
  if (five) {
    const peak = Math.max(five.parallax.maxRssBytes ?? 0, five.rebuild.maxRssBytes ?? 0, five.pipeline.maxRssBytes);
    out.push({
      name: 'Peak RSS, N = 5 000 (build, rebuild, pipeline alone)',
      limit: `≤ ${megabytes(BUDGET.peakRssBytes)}`,
      measured: megabytes(peak),
      status: peak <= BUDGET.peakRssBytes ? 'pass' : 'fail',
    });
  } else out.push({ name: 'Peak RSS, N = 5 000', limit: `≤ ${megabytes(BUDGET.peakRssBytes)}`, measured: '–', status: 'not measured' });
  for (const result of results.filter((r) => r.n >= 1000)) {
    out.push({
      name: `Rebuild after changing one article vs cold build, N = ${result.n}`,
      limit: `≤ ${Math.round(BUDGET.rebuildShare * 100)} %`,
      measured: `${Math.round(result.rebuildShare * 100)} % (${seconds(result.rebuildPair.rebuildMs)} / ${seconds(result.rebuildPair.coldMs)}, median pair)`,
      status: result.rebuildShare <= BUDGET.rebuildShare ? 'pass' : 'fail',
    });
  }
  const heaviest = site.pages[0];
  const over = site.pages.filter((page) => page.gzipWithCssBytes > BUDGET.defaultPageGzipBytes);
  out.push({
    name: 'Every page of the default site, gzip incl. CSS',
    limit: `≤ ${kilobytes(BUDGET.defaultPageGzipBytes)}`,
    measured: heaviest ? `largest ${heaviest.page} ${kilobytes(heaviest.gzipWithCssBytes)}${over.length ? `; over: ${over.map((p) => p.page).join(', ')}` : ''}` : 'no pages',
    status: heaviest && over.length === 0 ? 'pass' : 'fail',
  });
  if (five) {
    const pages = five.pages.overHtmlBudget;
    out.push({
      name: 'No page over 500 KB of HTML, N = 5 000',
      limit: `≤ ${kilobytes(BUDGET.pageHtmlBytes)}`,
      measured: pages.length ? pages.map((p) => `${p.page} ${kilobytes(p.htmlBytes)}`).join(', ') : `largest ${five.pages.largestHtml?.page} ${kilobytes(five.pages.largestHtml?.htmlBytes ?? 0)}`,
      status: pages.length ? 'fail' : 'pass',
    });
  } else out.push({ name: 'No page over 500 KB of HTML, N = 5 000', limit: `≤ ${kilobytes(BUDGET.pageHtmlBytes)}`, measured: '–', status: 'not measured' });
  return out;
}

/**
 * Where the fastest cold build of Parallax and of the default baseline spent their time at each
 * size, stage by stage (build-phases.ts): wall seconds, and CPU seconds of the build's own process
 * (all its threads, not its child processes: Pagefind's) in brackets. "Exit" is what the bench
 * timed after the last stage.
 */
function stages(results: SizeResult[]): string {
  const span = (ms: number, cpuMs: number) => `${(ms / 1000).toFixed(1)} (${(cpuMs / 1000).toFixed(1)})`;
  const rows = [['N', 'build', ...PHASES, 'exit', 'whole build']];
  for (const r of results) {
    for (const [name, result] of [['Parallax', r.parallax], ['baseline default', r.baselineDefault]] as const) {
      const run = fastest(result.runs);
      if (run.phases.length === 0) continue;
      const staged = run.phases.reduce((sum, phase) => sum + phase.ms, 0);
      rows.push([
        String(r.n),
        name,
        ...PHASES.map((stage) => {
          const phase = run.phases.find((p) => p.stage === stage);
          return phase ? span(phase.ms, phase.cpuMs) : '–';
        }),
        (Math.max(0, run.ms - staged) / 1000).toFixed(1),
        span(run.ms, run.phases.reduce((sum, phase) => sum + phase.cpuMs, 0)),
      ]);
    }
  }
  return `Where the time goes: the fastest cold build of each, seconds of wall time by stage (CPU of the build's process in brackets, all its threads but not its child processes, such as Pagefind's):\n${table(rows, 2)}`;
}

/** Columns padded to their widest cell: the first `left` columns flush left, the others flush right. */
function table(rows: string[][], left = 1): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) => row.map((cell, column) => (column < left ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd())
    .join('\n');
}

function report(results: SizeResult[], site: { build: Run; pages: PageSize[] }, checks: Budget[], opts: Options, disk: string): string {
  const other = (value: BuildResult | { skipped: string }) => (isBuild(value) ? seconds(value.ms) : 'skipped');
  const rows = [
    ['N', 'Parallax', 'rebuild (1 changed)', 'baseline default', 'baseline unified()', 'Hugo', 'Parallax/default', 'pipeline art/s (CPU)', 'merge (CPU)', 'RSS Parallax', 'RSS baseline', 'pages', 'largest page'],
    ...results.map((r) => [
      String(r.n),
      seconds(r.parallax.ms),
      `${seconds(r.rebuild.ms)} (${Math.round(r.rebuildShare * 100)} %)`,
      seconds(r.baselineDefault.ms),
      other(r.baselineUnified),
      other(r.hugo),
      `${(r.parallax.ms / r.baselineDefault.ms).toFixed(2)}×`,
      r.pipeline.articlesPerSecond.toFixed(0),
      seconds(r.pipeline.mergeMs),
      megabytes(r.parallax.maxRssBytes),
      megabytes(r.baselineDefault.maxRssBytes),
      String(r.pages.count),
      r.pages.largestHtml ? `${r.pages.largestHtml.page} ${kilobytes(r.pages.largestHtml.htmlBytes)}` : '–',
    ]),
  ];
  const notes = [
    `Build times (wall clock) are the fastest of the interleaved runs at each size (${results.map((r) => `N=${r.n}: ${opts.runsAt(r.n)}`).join(', ')}); pipeline and merge are CPU time of measure-pipeline.ts. The rebuild's share (in brackets) compares each rebuild with the cold build right before it, and is the median of those pairs.`,
    `All builds read and write ${opts.work} (${disk}); outputs of earlier builds are moved aside and deleted when the bench ends, not right before a build; peak RSS by ${hasGnuTime ? 'GNU time (largest process of the tree)' : 'the Node process itself'}.`,
    ...results.flatMap((r) => [
      ...(isBuild(r.baselineUnified) ? [] : [`N=${r.n}: unified() baseline skipped: ${r.baselineUnified.skipped}.`]),
      ...(isBuild(r.hugo) ? [] : [`N=${r.n}: Hugo skipped: ${r.hugo.skipped}.`]),
    ]).filter((line, index, all) => all.findIndex((other) => other.replace(/^N=\d+: /u, '') === line.replace(/^N=\d+: /u, '')) === index),
    ...results.map((r) => `N=${r.n}: merge stages (CPU) ${Object.entries(r.pipeline.stagesMs).map(([stage, ms]) => `${stage} ${seconds(ms)}`).join(', ')}; ${r.pipeline.events} timeline entries, incident JSON ${kilobytes(r.pipeline.incidentJsonBytes)}.`),
    ...results.filter((r) => r.pages.overHtmlBudget.length).map((r) => `N=${r.n}: pages over ${kilobytes(BUDGET.pageHtmlBytes)} of HTML: ${r.pages.overHtmlBudget.map((p) => `${p.page} ${kilobytes(p.htmlBytes)}`).join(', ')}.`),
    `Default site: built in ${seconds(site.build.ms)}; largest pages gzip incl. CSS: ${site.pages.slice(0, 3).map((p) => `${p.page} ${kilobytes(p.gzipWithCssBytes)}`).join(', ')}.`,
  ];
  const budgetRows = [['budget', 'status', 'limit', 'measured'], ...checks.map((b) => [b.name, b.status.toUpperCase(), b.limit, b.measured])];
  return `\n${table(rows)}\n\n${notes.map((line) => `- ${line}`).join('\n')}\n\n${stages(results)}\n\nBudgets${opts.quick ? ' (--quick: printed, not enforced)' : ''}:\n${table(budgetRows, 4)}\n`;
}

async function main(): Promise<number> {
  const opts = options(process.argv.slice(2));
  mkdirSync(opts.work, { recursive: true });
  const disk = fileSystem(opts.work);
  const hugo = onPath('hugo');
  const unifiedSkip = unifiedUnavailable();
  log(`work folder ${opts.work} (${disk}); sizes ${opts.sizes.join(', ')}; runs ${opts.sizes.map((n) => opts.runsAt(n)).join(', ')}`);
  const aside = new SetAside(path.join(opts.work, 'set-aside'));
  const results: SizeResult[] = [];
  let site: Awaited<ReturnType<typeof measureDefaultSite>>;
  try {
    for (const n of opts.sizes) results.push(await measureSize(n, opts, hugo, unifiedSkip, aside));
    site = await measureDefaultSite(opts, aside);
  } finally {
    aside.empty();
  }
  const checks = budgets(results, site);
  process.stdout.write(report(results, site, checks, opts, disk));
  if (opts.json) {
    const document = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryBytes: os.totalmem(), load: os.loadavg(), node: process.version, disk },
      options: { ...opts, runs: Object.fromEntries(opts.sizes.map((n) => [n, opts.runsAt(n)])) },
      budgets: checks,
      results,
      defaultSite: site,
    };
    writeFileSync(opts.json, `${JSON.stringify(document, null, 2)}\n`);
    log(`wrote ${opts.json}`);
  }
  const failed = checks.filter((check) => check.status === 'fail');
  return !opts.quick && failed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
