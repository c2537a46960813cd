/**
 * One real `astro build` of the whole hostile corpus (every CommonMark example, every naughty string,
 * every injection payload, the byte-level oddities and a 5 MB article, each its own article), then
 * the built site read as a browser would read it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkDist } from '../../scripts/check-dist.ts';
import { buildSite, scratchDir, type SiteBuild } from './build-site.ts';
import { articleText, PROSE, PWN, writeHostileFolder, type HostileFolder } from './corpus.ts';
import { dangersIn } from './inspect-html.ts';

interface IncidentDoc {
  sources: Array<{ id: string; sentences: number }>;
  events: Array<{ mentions: Array<{ source: string; anchor: string }> }>;
  claims: Array<{ source: string; anchor: string }>;
  quotes: Array<{ members: Array<{ source: string; anchor: string }> }>;
  citations: Array<{ source: string; anchor: string }>;
}

let work: string;
let folder: HostileFolder;
let build: SiteBuild;
let dist: string;

const htmlFiles = () =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => path.join(dist, name));
const sourcePage = (id: string) => path.join(dist, 'sources', id, 'index.html');

beforeAll(() => {
  work = scratchDir('hostile-build');
  folder = writeHostileFolder(path.join(work, 'content'));
  dist = path.join(work, 'dist');
  build = buildSite(path.join(work, 'content'), dist, path.join(work, 'cache'));
}, 900_000);

afterAll(() => {
  if (work && !process.env['PARALLAX_KEEP_TRUST']) rmSync(work, { recursive: true, force: true });
});

describe('a build of the hostile corpus', () => {
  test('succeeds', () => {
    expect(build.output).not.toMatch(/Stack trace|^\s+at .+:\d+:\d+\)?$/m);
    expect(build.status, build.output.slice(-3000)).toBe(0);
    console.info(`hostile corpus: ${folder.ids.length} articles built in ${build.seconds.toFixed(0)} s`);
  });

  test('gives every article its page, the empty ones included, and says which ones are empty', () => {
    const missing = folder.ids.filter((id) => !existsSync(sourcePage(id)));
    expect(missing).toEqual([]);
    expect(build.output).toMatch(/odd-empty-body\.md: has no text/);
    expect(build.output).toMatch(/odd-whitespace-body\.md: has no text/);
  });

  test('has no page that can run, embed or restyle anything the site did not write', () => {
    const found: string[] = [];
    for (const file of htmlFiles()) {
      for (const danger of dangersIn(readFileSync(file, 'utf8'), { page: true })) found.push(`${path.relative(dist, file)}: ${danger.what}: ${danger.where}`);
    }
    expect(found).toEqual([]);
  }, 300_000);

  test('shows every sentence of every article under its anchor, as the incident JSON counts them', () => {
    const incident = JSON.parse(readFileSync(path.join(dist, 'incident.json'), 'utf8')) as IncidentDoc;
    expect(incident.sources.map((source) => source.id).sort()).toEqual([...folder.ids].sort());
    const wrong: string[] = [];
    for (const source of incident.sources) {
      let anchored = 0;
      visit(fromHtml(readFileSync(sourcePage(source.id), 'utf8')), 'element', (node: Element) => {
        if (typeof node.properties['id'] === 'string' && node.properties['dataS'] === node.properties['id']) anchored++;
      });
      if (anchored !== source.sentences) wrong.push(`${source.id}: ${anchored} anchors for ${source.sentences} sentences`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  test('lands every link of the incident JSON (events, claims, quotes, citations) on an anchor of its source page', () => {
    const incident = JSON.parse(readFileSync(path.join(dist, 'incident.json'), 'utf8')) as IncidentDoc;
    const links = [
      ...incident.events.flatMap((event) => event.mentions),
      ...incident.claims,
      ...incident.quotes.flatMap((quote) => quote.members),
      ...incident.citations,
    ];
    expect(links.length).toBeGreaterThan(folder.ids.length);
    const ids = new Map<string, string>();
    const broken = links.filter(({ source, anchor }) => {
      if (!ids.has(source)) ids.set(source, readFileSync(sourcePage(source), 'utf8'));
      return !ids.get(source)?.includes(` id="${anchor}"`);
    });
    expect(broken).toEqual([]);
  });

  test('resolves every link and anchor the site itself writes, across pages', async () => {
    // Links inside an article are the outlet's: a relative one points into the outlet's site, not this one.
    const problems = await checkDist(dist, { validate: false, skipLinksInside: (element) => element.tagName === 'article' });
    expect(problems).toEqual([]);
  }, 300_000);

  test('shows markup in titles, outlets and authors as text', () => {
    const tree = fromHtml(readFileSync(sourcePage('xss-script-block'), 'utf8'));
    let title = '';
    let h1 = '';
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'title') title = toString(node);
      if (node.tagName === 'h1') h1 = toString(node);
    });
    expect(h1).toBe(`<script>${PWN}</script>xss-script-block`);
    expect(title.startsWith(h1)).toBe(true);
  });

  test('serves the page Content-Security-Policy as a header too, with frame-ancestors added', () => {
    const headers = readFileSync(path.join(dist, '_headers'), 'utf8');
    const header = /^\s+Content-Security-Policy:\s*(.+)$/m.exec(headers)?.[1];
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(path.join(dist, 'index.html'), 'utf8'))?.[1]?.replace(/&#39;/g, "'");
    expect(meta).toBeDefined();
    expect(header).toBe(`${meta}; frame-ancestors 'none'`);
    expect(headers).toMatch(/^\s+X-Content-Type-Options: nosniff$/m);
    expect(headers).toMatch(/^\s+Referrer-Policy: strict-origin-when-cross-origin$/m);
  });
});

describe('a build of content with problems', () => {
  test('stops with every problem listed by file, line and field, and no stack trace', () => {
    const dir = scratchDir('bad-build');
    try {
      const content = path.join(dir, 'content');
      mkdirSync(path.join(content, 'articles'), { recursive: true });
      writeFileSync(path.join(content, 'incident.yaml'), 'title: T\nsummary: S\n');
      writeFileSync(path.join(content, 'articles', 'a.md'), articleText({ title: 'A', outlet: 'O', body: PROSE }).replace('published: 2019-03-22', 'published: 22/03/2019'));
      writeFileSync(path.join(content, 'articles', 'b.md'), Buffer.concat([Buffer.from(articleText({ title: 'B', outlet: 'O', body: PROSE })), Buffer.from([0xff])]));
      const result = buildSite(content, path.join(dir, 'dist'), path.join(dir, 'cache'));
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(/The content has 2 problems:/);
      expect(result.output).toMatch(/articles\/a\.md:4: `published` expected a date/);
      expect(result.output).toMatch(/articles\/b\.md: is not valid UTF-8 text \(line 7 /);
      expect(result.output).not.toMatch(/Stack trace|^\s+at .+:\d+:\d+\)?$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test('names every article that cannot be rendered, not only the first', () => {
    const dir = scratchDir('unrenderable-build');
    try {
      const content = path.join(dir, 'content');
      mkdirSync(path.join(content, 'articles'), { recursive: true });
      writeFileSync(path.join(content, 'incident.yaml'), 'title: T\nsummary: S\n');
      const stray = (title: string) =>
        articleText({ title, outlet: 'O', updated: [{ at: '2019-03-23' }], body: `${PROSE}\n\n:::update[Update:]{at=2019-03-24}\nLater text.\n:::` });
      writeFileSync(path.join(content, 'articles', 'fine.md'), articleText({ title: 'Fine', outlet: 'O', body: PROSE }));
      writeFileSync(path.join(content, 'articles', 'first.md'), stray('First'));
      writeFileSync(path.join(content, 'articles', 'second.md'), stray('Second'));
      const result = buildSite(content, path.join(dir, 'dist'), path.join(dir, 'cache'));
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(/The content has 2 problems:/);
      expect(result.output).toMatch(/articles\/first\.md:\d+: .*matches no entry of `updated`/);
      expect(result.output).toMatch(/articles\/second\.md:\d+: .*matches no entry of `updated`/);
      expect(result.output).not.toMatch(/Stack trace|^\s+at .+:\d+:\d+\)?$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
