/**
 * Lighthouse scores of the built site: performance, accessibility, best practices and SEO of the
 * timeline, the comparison and one source page, with a mobile profile (Lighthouse's default) and a
 * desktop one. Builds nothing: it serves dist/ as it is.
 *
 *     node scripts/audit.ts [dist] [--out test-results/lighthouse.json] [--min 0.95]
 *
 * Chromium is Debian's (`CHROME_PATH`, default /usr/bin/chromium). Exits 1 if any score is below
 * the minimum.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { serveStatic } from './serve-static.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Chrome {
  port: number;
  stop: () => void;
}

/** Starts Chromium with a DevTools port of its own choosing, in a profile thrown away afterwards. */
async function launchChrome(): Promise<Chrome> {
  const profile = mkdtempSync(path.join(tmpdir(), 'parallax-audit-chrome-'));
  const child: ChildProcess = spawn(process.env['CHROME_PATH'] ?? '/usr/bin/chromium', [...CHROME_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const stop = () => {
    // The browser's own helper processes share its process group.
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
    rmSync(profile, { recursive: true, force: true });
  };
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port:\n${output}`)), 30_000);
    child.once('error', reject);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  }).catch((error: unknown) => {
    stop();
    throw error;
  });
  return { port, stop };
}

/** A source page to audit: the first source of the incident. */
function firstSource(dist: string): string {
  const incident = JSON.parse(readFileSync(path.join(dist, 'incident.json'), 'utf8')) as { sources: Array<{ id: string }> };
  const id = incident.sources[0]?.id;
  if (!id) throw new Error('incident.json lists no sources');
  return `/sources/${id}/`;
}

interface Row {
  profile: 'mobile' | 'desktop';
  page: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  /** Audits that cost points, for the reader of a low score. */
  failing: Array<{ category: string; audit: string; title: string; score: number | null; detail?: string }>;
}

/** What an audit found, in a line: the first few items of its details (console messages, URLs, nodes). */
function detailOf(audit: Result['audits'][string] | undefined): string | undefined {
  const details = audit?.details as { items?: Array<Record<string, unknown>> } | undefined;
  const items = (details?.items ?? []).slice(0, 3).map((item) => {
    const node = item['node'] as { snippet?: string } | undefined;
    return String(item['description'] ?? item['url'] ?? node?.snippet ?? item['source'] ?? '').replace(/\s+/g, ' ').slice(0, 160);
  });
  return items.filter(Boolean).join(' | ') || audit?.displayValue;
}

function rowOf(lhr: Result, page: string, profile: Row['profile']): Row {
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id]?.score ?? null])) as Row['scores'];
  const failing = CATEGORIES.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ category, ref, audit: lhr.audits[ref.id] }))
      .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
      .map(({ category: name, ref, audit }) => {
        const detail = detailOf(audit);
        return { category: name, audit: ref.id, title: audit?.title ?? ref.id, score: audit?.score ?? null, ...(detail ? { detail } : {}) };
      }),
  );
  return { profile, page, scores, failing };
}

function table(rows: Row[]): string {
  const header = ['profile', 'page', ...CATEGORIES];
  const body = rows.map((row) => [row.profile, row.page, ...CATEGORIES.map((id) => (row.scores[id] === null ? 'n/a' : String(Math.round((row.scores[id] ?? 0) * 100))))]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((line) => line[column]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const out = path.resolve(option('--out') ?? 'test-results/lighthouse.json');
  const min = Number(option('--min') ?? 0.95);
  const dist = path.resolve(args[0] ?? 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error(`${path.relative(process.cwd(), dist) || dist}/index.html does not exist: build the site first (npm run build)`);
    return 1;
  }
  const pages = ['/', ...(existsSync(path.join(dist, 'compare', 'index.html')) ? ['/compare/'] : []), firstSource(dist)];
  const server = await serveStatic({ root: dist });
  const chrome = await launchChrome();
  const rows: Row[] = [];
  try {
    for (const profile of ['mobile', 'desktop'] as const) {
      for (const page of pages) {
        const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
        const result = await lighthouse(`${server.url}${page}`, flags, profile === 'desktop' ? desktopConfig : undefined);
        if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
        rows.push(rowOf(result.lhr, page, profile));
      }
    }
  } finally {
    chrome.stop();
    await server.close();
  }

  console.log(table(rows));
  const low = rows.flatMap((row) => CATEGORIES.filter((id) => (row.scores[id] ?? 0) < min).map((id) => `${row.profile} ${row.page} ${id}`));
  for (const row of rows) {
    for (const item of row.failing) console.log(`  ${row.profile} ${row.page} ${item.category}: ${item.title} (${item.audit}, ${item.score})${item.detail ? `: ${item.detail}` : ''}`);
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ minimum: min, rows }, null, 2)}\n`);
  console.log(`\nScores written to ${path.relative(process.cwd(), out) || out}.`);
  if (low.length) {
    console.error(`Below ${min}: ${low.join('; ')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
