import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { analysisDir, ArticleCache, readAnalysis, readArticleHtml, readExtraction } from '../../src/lib/article-cache.ts';
import { articleThreads } from '../../src/lib/article-threads.ts';
import { SETTLE_MS } from '../../src/lib/content-watch.ts';
import { parallaxArticles, type ArticleEntry } from '../../src/lib/parallax-loader.ts';
import { extractArticle } from '../../src/pipeline/build-incident.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { readContent } from '../../src/pipeline/read-content.ts';

interface Stored {
  id: string;
  data: ArticleEntry;
  digest: string;
}

let work: string;
let content: string;
let cache: string;
const store = new Map<string, Stored>();
const logged: string[] = [];

function context() {
  return {
    store: {
      get: (id: string) => store.get(id),
      set: (entry: Stored) => void store.set(entry.id, entry),
      keys: () => [...store.keys()],
      delete: (id: string) => void store.delete(id),
    },
    logger: { info: (message: string) => void logged.push(message), warn: () => undefined, error: (message: string) => void logged.push(`error: ${message}`) },
    generateDigest: (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16),
    parseData: async ({ data }: { data: ArticleEntry }) => data,
    config: { root: pathToFileURL(`${work}/`), cacheDir: pathToFileURL(`${cache}/`) },
  };
}

async function load() {
  logged.length = 0;
  await parallaxArticles({ dir: content }).load(context() as never);
  return logged.at(-1) ?? '';
}

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'parallax-loader-'));
  content = path.join(work, 'content');
  cache = path.join(work, 'cache');
  cpSync(path.resolve('content'), content, { recursive: true });
  store.clear();
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

const analysisOf = (entry: ArticleEntry) => entry.html.replace(/\.html$/, '.analysis');
/** The keys the cache's index lists. */
const indexed = () => Object.keys((JSON.parse(readFileSync(path.join(analysisDir(cache), 'index.json'), 'utf8')) as { entries: object }).entries);
/** Removes `key` from the cache's index, as if its text had been lost. */
function forget(key: string): void {
  const file = path.join(analysisDir(cache), 'index.json');
  const index = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown> };
  delete index.entries[key];
  writeFileSync(file, JSON.stringify(index));
}

describe('the articles loader', () => {
  test('keeps the frontmatter in the store, and each article’s HTML and contribution in a cache that reads back as the pipeline made them', async () => {
    expect(await load()).toMatch(/\((\d+) processed, 0 unchanged\)/);
    const { articles, incident } = readContent(content);
    expect(store.size).toBe(articles.length);
    for (const article of articles) {
      const { data } = store.get(article.id)!;
      const { html, ...analysis } = processArticle(article);
      expect(data.sentences).toBe(analysis.sentences.length);
      expect(readArticleHtml(data.cache, data.html, data.file)).toBe(html);
      expect(readExtraction(data.cache, data.extraction, data.file)).toEqual(JSON.parse(JSON.stringify(extractArticle(incident, analysis))));
      expect(readAnalysis(new ArticleCache(data.cache), analysisOf(data), data.file).sentences).toHaveLength(analysis.sentences.length);
      expect(JSON.stringify(data).length).toBeLessThan(4000);
    }
    // Every entry names the pipeline that made it, one fingerprint for all: what the merge keeps is keyed by it.
    const fingerprints = new Set(articles.map((article) => store.get(article.id)!.data.pipeline));
    expect([...fingerprints]).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
  });

  test('analyses again only what changed or went missing, and forgets the texts of what changed', async () => {
    await load();
    const articles = readContent(content).articles;
    const n = articles.length;
    expect(await load()).toContain(`(0 processed, ${n} unchanged)`);
    // A missing analysis is made again, not read as missing at render time.
    const first = store.get(articles[0]!.id)!.data;
    forget(analysisOf(first));
    expect(await load()).toContain(`(1 processed, ${n - 1} unchanged)`);
    expect(indexed()).toContain(analysisOf(first));
    // A missing extraction is made again from the analysis.
    forget(first.extraction);
    expect(await load()).toContain(`(0 processed, ${n} unchanged; contributions extracted again for 1 of them)`);
    expect(indexed()).toContain(first.extraction);
    // A changed article gets new texts; the old ones are forgotten.
    const second = articles[1]!;
    const before = store.get(second.id)!.data;
    writeFileSync(path.join(content, 'articles', `${second.id}.md`), `${readFileSync(path.join(content, 'articles', `${second.id}.md`), 'utf8')}\nOne more sentence was added.\n`);
    expect(await load()).toContain(`(1 processed, ${n - 1} unchanged)`);
    const after = store.get(second.id)!.data;
    expect(after.html).not.toBe(before.html);
    expect(readArticleHtml(after.cache, after.html, after.file)).toContain('One more sentence was added.');
    expect(indexed().filter((key) => [analysisOf(before), before.html, before.extraction].includes(key))).toEqual([]);
    // Three texts per article, and its frontmatter as validated.
    expect(indexed()).toHaveLength(4 * n);
    expect(indexed().filter((key) => key.endsWith('.frontmatter'))).toHaveLength(n);
    // A changed frontmatter is read anew, and the one it replaced forgotten.
    const frontmatterKeys = indexed().filter((key) => key.endsWith('.frontmatter'));
    const third = articles[2]!;
    const thirdFile = path.join(content, 'articles', `${third.id}.md`);
    writeFileSync(thirdFile, readFileSync(thirdFile, 'utf8').replace(/^title: .*$/m, 'title: "A corrected headline"'));
    expect(await load()).toContain(`(1 processed, ${n - 1} unchanged)`);
    expect(store.get(third.id)!.data.frontmatter.title).toBe('A corrected headline');
    expect(indexed().filter((key) => key.endsWith('.frontmatter') && !frontmatterKeys.includes(key))).toHaveLength(1);
    expect(indexed().filter((key) => key.endsWith('.frontmatter'))).toHaveLength(n);
    // The whole cache is two files: the index and one pack.
    expect(readdirSync(analysisDir(cache)).sort()).toEqual(['index.json', expect.stringMatching(/^pack-.*\.dat$/)]);
  });

  test('extracts every article again, without analysing any, when only incident.yaml changed', async () => {
    await load();
    const n = readContent(content).articles.length;
    const file = path.join(content, 'incident.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (revised)'));
    expect(await load()).toContain(`(0 processed, ${n} unchanged; contributions extracted again for ${n} of them)`);
    expect(indexed()).toHaveLength(4 * n);
    expect(await load()).toContain(`(0 processed, ${n} unchanged)`);
  });

  test('gives the entries the cache folder’s new place when the cache folder moved', async () => {
    await load();
    const n = readContent(content).articles.length;
    const moved = path.join(work, 'moved-cache');
    renameSync(cache, moved);
    cache = moved;
    expect(await load()).toContain(`(0 processed, ${n} unchanged; contributions extracted again for ${n} of them)`);
    for (const { data } of store.values()) {
      expect(data.cache).toBe(analysisDir(moved));
      expect(readArticleHtml(data.cache, data.html, data.file)).toContain('id="s-');
    }
    expect(await load()).toContain(`(0 processed, ${n} unchanged)`);
  });

  test('names the article and what to do when a text of the cache cannot be read', async () => {
    const nowhere = path.join(work, 'nowhere');
    expect(() => readAnalysis(new ArticleCache(nowhere), 'a.analysis', 'articles/x.md')).toThrow(/articles\/x\.md: the analysis of this article is missing in the cache at .*build again/);
    expect(() => readExtraction(nowhere, 'a.x.extraction', 'articles/x.md')).toThrow(/articles\/x\.md: the extraction of this article is missing/);
    await load();
    const { data } = store.get(readContent(content).articles[0]!.id)!;
    forget(data.html);
    expect(() => readArticleHtml(data.cache, data.html, data.file)).toThrow(new RegExp(`${data.file}: the HTML of this article is missing in the cache`));
  });

  test('takes the number of worker threads from PARALLAX_THREADS, and names the setting when it is not a number', () => {
    expect(articleThreads(undefined)).toBeUndefined();
    expect(articleThreads(' ')).toBeUndefined();
    expect(articleThreads('0')).toBe(0);
    expect(articleThreads(' 3 ')).toBe(3);
    for (const bad of ['-1', 'two', '1.5', 'auto']) expect(() => articleThreads(bad)).toThrow(new RegExp(`PARALLAX_THREADS is "${bad}": set it to a whole number`));
  });

  test('gives the same store and cache with worker threads as without', async () => {
    const loadWith = async (threads: number) => {
      store.clear();
      rmSync(cache, { recursive: true, force: true });
      logged.length = 0;
      await parallaxArticles({ dir: content, threads }).load(context() as never);
      return new Map([...store].map(([id, { data, digest }]) => [id, { data, digest, html: readArticleHtml(data.cache, data.html, data.file), extraction: readExtraction(data.cache, data.extraction, data.file) }]));
    };
    const alone = await loadWith(0);
    const shared = await loadWith(2);
    expect([...shared.keys()]).toEqual([...alone.keys()]);
    expect(shared).toEqual(alone);
  }, 60_000);

  test('under astro dev, takes an edited, added or deleted article into the store on its own, and keeps the last good content when an edit does not validate', async () => {
    const watcher = Object.assign(new EventEmitter(), { add: () => watcher });
    logged.length = 0;
    await parallaxArticles({ dir: content }).load({ ...context(), watcher } as never);
    const file = path.join(content, 'articles', readdirSync(path.join(content, 'articles')).sort()[0]!);
    const id = [...store.keys()].sort().find((key) => store.get(key)!.data.file === file)!;
    const before = store.get(id)!.data;
    // Until the reload ends: it processes the article on the build's thread or a worker thread.
    const reloaded = async (count: number) => {
      for (let waited = 0; logged.filter((line) => /^(Reloaded|error:)/.test(line)).length < count && waited < 60_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    };

    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA sentence added while the site is served.\n`);
    watcher.emit('change', file);
    await reloaded(1);
    const after = store.get(id)!.data;
    expect(after.sentences).toBe(before.sentences + 1);
    expect(readArticleHtml(after.cache, after.html, after.file)).toContain('A sentence added while the site is served.');

    const added = path.join(content, 'articles', 'zz-added.md');
    writeFileSync(added, '---\ntitle: Added\noutlet: Example News\npublished: 2019-03-25\n---\n\nAn article added while the site is served.\n');
    watcher.emit('add', added);
    await reloaded(2);
    expect([...store.values()].some((entry) => entry.data.file === added)).toBe(true);

    writeFileSync(file, readFileSync(file, 'utf8').replace(/^published: .*$/m, 'published: not a date'));
    watcher.emit('change', file);
    await reloaded(3);
    expect(logged.at(-1)).toMatch(/^error: Could not reload the articles after a change to articles\/.*published/s);
    expect(store.get(id)!.data).toEqual(after);

    rmSync(added);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^published: not a date$/m, 'published: 2019-03-22'));
    watcher.emit('unlink', added);
    watcher.emit('change', file);
    await reloaded(4);
    expect([...store.values()].some((entry) => entry.data.file === added)).toBe(false);
  });
});
