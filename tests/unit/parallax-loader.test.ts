import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { analysisDir, analysisFiles, readAnalysis, readArticleHtml, readExtraction } from '../../src/lib/article-cache.ts';
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
    logger: { info: (message: string) => void logged.push(message), warn: () => undefined },
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

const analysisOf = (entry: ArticleEntry) => entry.html.replace(/\.html$/, '.json');

describe('the articles loader', () => {
  test('keeps the frontmatter in the store, and each article’s HTML and contribution in files that read back as the pipeline made them', async () => {
    expect(await load()).toMatch(/\((\d+) processed, 0 unchanged\)/);
    const { articles, incident } = readContent(content);
    expect(store.size).toBe(articles.length);
    for (const article of articles) {
      const { data } = store.get(article.id)!;
      const { html, ...analysis } = processArticle(article);
      expect(data.sentences).toBe(analysis.sentences.length);
      expect(readArticleHtml(data.html, data.file)).toBe(html);
      expect(readExtraction(data.extraction, data.file)).toEqual(JSON.parse(JSON.stringify(extractArticle(incident, analysis))));
      expect(readAnalysis(analysisOf(data), data.file).sentences).toHaveLength(analysis.sentences.length);
      expect(JSON.stringify(data).length).toBeLessThan(4000);
    }
  });

  test('analyses again only what changed or went missing, and removes the files of what changed', async () => {
    await load();
    const articles = readContent(content).articles;
    const n = articles.length;
    expect(await load()).toContain(`(0 processed, ${n} unchanged)`);
    // A missing analysis is made again, not read as missing at render time.
    const first = store.get(articles[0]!.id)!.data;
    rmSync(analysisOf(first));
    expect(await load()).toContain(`(1 processed, ${n - 1} unchanged)`);
    expect(existsSync(analysisOf(first))).toBe(true);
    // A missing extraction is made again from the analysis.
    rmSync(first.extraction);
    expect(await load()).toContain(`(0 processed, ${n} unchanged; contributions extracted again for 1 of them)`);
    expect(existsSync(first.extraction)).toBe(true);
    // A changed article gets new files; the old ones go.
    const second = articles[1]!;
    const before = store.get(second.id)!.data;
    writeFileSync(path.join(content, 'articles', `${second.id}.md`), `${readFileSync(path.join(content, 'articles', `${second.id}.md`), 'utf8')}\nOne more sentence was added.\n`);
    expect(await load()).toContain(`(1 processed, ${n - 1} unchanged)`);
    const after = store.get(second.id)!.data;
    expect(after.html).not.toBe(before.html);
    expect([analysisOf(before), before.html, before.extraction].some((file) => existsSync(file))).toBe(false);
    expect(readdirSync(analysisDir(cache))).toHaveLength(3 * n);
  });

  test('extracts every article again, without analysing any, when only incident.yaml changed', async () => {
    await load();
    const n = readContent(content).articles.length;
    const file = path.join(content, 'incident.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (revised)'));
    expect(await load()).toContain(`(0 processed, ${n} unchanged; contributions extracted again for ${n} of them)`);
    expect(readdirSync(analysisDir(cache))).toHaveLength(3 * n);
    expect(await load()).toContain(`(0 processed, ${n} unchanged)`);
  });

  test('names the article and what to do when a file of the cache cannot be read', () => {
    const files = analysisFiles(path.join(work, 'nowhere'), 'a/b:c', 'd e');
    expect(path.basename(files.analysis)).toBe('a_b_c.json');
    expect(path.basename(files.extraction)).toBe('a_b_c.d_e.extract.json');
    expect(() => readAnalysis(files.analysis, 'articles/x.md')).toThrow(/articles\/x\.md: the analysis of this article is missing at .*build again/);
    expect(() => readExtraction(files.extraction, 'articles/x.md')).toThrow(/articles\/x\.md: the extraction of this article is missing/);
  });
});
