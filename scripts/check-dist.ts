/**
 * Checks a built site: every internal link and every #anchor resolves (across pages too, such as
 * `/sources/x/#s-…`), and every page is valid HTML per html-validate (.htmlvalidate.json).
 *
 *     node scripts/check-dist.ts [dist] [--site https://parallax.example] [--no-validate]
 *
 * Exits 1 with the list of broken links, missing anchors and validation errors.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { FileSystemConfigLoader, HtmlValidate, type ConfigData } from 'html-validate';
import { visit } from 'unist-util-visit';

export interface DistProblem {
  /** The page, as its path under the site root (`/sources/x/`). */
  page: string;
  kind: 'link' | 'anchor' | 'html';
  message: string;
}

export interface CheckDistOptions {
  /** The site's own origin: absolute links to it are checked like relative ones. @default 'https://parallax.example' */
  site?: string;
  /** Run html-validate on every page. @default true */
  validate?: boolean;
  /** Leave out links inside elements matching this test (for content whose links are not the site's). */
  skipLinksInside?: (element: Element) => boolean;
}

/** Attributes whose URL a reader or the browser follows. */
const LINKS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcSet'],
  source: ['src', 'srcSet'],
  script: ['src'],
  iframe: ['src'],
  form: ['action'],
  video: ['src', 'poster'],
  audio: ['src'],
};

/** Fragments every page has without an id. */
const BUILT_IN_FRAGMENTS = new Set(['', 'top']);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => path.join(dir, name))
    .sort();
}

/** The address a page is served at: `sources/x/index.html` → `/sources/x/`, `404.html` → `/404.html`. */
function pagePath(dist: string, file: string): string {
  const relative = path.relative(dist, file).split(path.sep).join('/');
  return `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The file a path is served from, following the site's trailing-slash directory format. */
function fileFor(dist: string, pathname: string): string | undefined {
  const local = path.join(dist, ...pathname.split('/').filter(Boolean));
  if (pathname.endsWith('/')) {
    const index = path.join(local, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return existsSync(local) && statSync(local).isFile() ? local : undefined;
}

function urls(property: string, value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(property === 'srcSet' ? ',' : ' ') : String(value);
  if (property !== 'srcSet') return [text];
  return text.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}

interface Page {
  file: string;
  path: string;
  ids: Set<string>;
  links: Array<{ url: string; tag: string }>;
}

function readPage(dist: string, file: string, options: CheckDistOptions): Page {
  const tree = fromHtml(readFileSync(file, 'utf8'));
  const ids = new Set<string>();
  const links: Page['links'] = [];
  const skipped = new Set<Element>();
  visit(tree, 'element', (node: Element, _index, parent) => {
    if (parent?.type === 'element' && skipped.has(parent)) skipped.add(node);
    else if (options.skipLinksInside?.(node)) skipped.add(node);
    const id = node.properties['id'];
    if (typeof id === 'string' && id) ids.add(id);
    // Browsers scroll to <a name> too.
    if (node.tagName === 'a' && typeof node.properties['name'] === 'string') ids.add(node.properties['name']);
    if (skipped.has(node)) return;
    for (const property of LINKS[node.tagName] ?? []) {
      const value = node.properties[property];
      if (value === undefined || value === null || value === false) continue;
      for (const url of urls(property, value)) links.push({ url, tag: node.tagName });
    }
  });
  return { file, path: pagePath(dist, file), ids, links };
}

/** Broken internal links and anchors, and HTML validation errors, of the site built into `dist`. */
export async function checkDist(dist: string, options: CheckDistOptions = {}): Promise<DistProblem[]> {
  const site = new URL(options.site ?? 'https://parallax.example');
  const files = htmlFiles(dist);
  const pages = new Map(files.map((file) => [file, readPage(dist, file, options)]));
  const problems: DistProblem[] = [];

  for (const page of pages.values()) {
    for (const { url, tag } of page.links) {
      let target: URL;
      try {
        target = new URL(url, new URL(page.path, site));
      } catch {
        problems.push({ page: page.path, kind: 'link', message: `<${tag}> has an address that is not a URL: ${url}` });
        continue;
      }
      if (target.origin !== site.origin) continue;
      let pathname: string;
      try {
        pathname = decodeURIComponent(target.pathname);
      } catch {
        problems.push({ page: page.path, kind: 'link', message: `<${tag}> has a badly escaped address: ${url}` });
        continue;
      }
      const file = fileFor(dist, pathname);
      if (!file) {
        const hint = !pathname.endsWith('/') && fileFor(dist, `${pathname}/`) ? ` (the page is at ${pathname}/)` : '';
        problems.push({ page: page.path, kind: 'link', message: `<${tag}> links to ${url}, which does not exist${hint}` });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (BUILT_IN_FRAGMENTS.has(fragment) || !file.endsWith('.html')) continue;
      const targetPage = pages.get(file);
      if (!targetPage?.ids.has(fragment)) problems.push({ page: page.path, kind: 'anchor', message: `<${tag}> links to ${url}, but ${pathname} has no element with id "${fragment}"` });
    }
  }

  if (options.validate ?? true) {
    // The project's configuration, wherever dist is: a build outside the project would find none.
    const config = JSON.parse(readFileSync(fileURLToPath(new URL('../.htmlvalidate.json', import.meta.url)), 'utf8')) as ConfigData;
    const validator = new HtmlValidate(new FileSystemConfigLoader(config));
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push({ page: pagePath(dist, file), kind: 'html', message: `${message.line}:${message.column} ${message.message} [${message.ruleId}]` });
        }
      }
    }
  }
  return problems;
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const siteAt = args.indexOf('--site');
  const site = siteAt >= 0 ? args.splice(siteAt, 2)[1] : process.env['PARALLAX_SITE'];
  const validate = !args.includes('--no-validate');
  const dist = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error(`${path.relative(process.cwd(), dist) || dist}/index.html does not exist: build the site first (npm run build)`);
    return 1;
  }
  const problems = await checkDist(dist, { ...(site ? { site } : {}), validate });
  const pages = htmlFiles(dist).length;
  if (!problems.length) {
    console.log(`check-dist: ${pages} pages, every internal link and anchor resolves${validate ? ' and every page is valid HTML' : ''}.`);
    return 0;
  }
  for (const [page, list] of Map.groupBy(problems, (problem) => problem.page)) {
    console.error(page);
    // One line per rule and message keeps a repeated error on a long page readable.
    for (const [message, same] of Map.groupBy(list, (problem) => `${problem.kind}: ${problem.message.replace(/^\d+:\d+ /, '')}`)) {
      const first = /^(\d+:\d+) /.exec(same[0]?.message ?? '')?.[1];
      console.error(`  ${message}${same.length > 1 ? ` (${same.length} times, first at ${first})` : first ? ` (at ${first})` : ''}`);
    }
  }
  const count = (kind: DistProblem['kind']) => problems.filter((problem) => problem.kind === kind).length;
  console.error(`\ncheck-dist: ${pages} pages; ${count('link')} broken links, ${count('anchor')} missing anchors, ${count('html')} HTML errors.`);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
