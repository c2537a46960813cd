import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ArticleCache, readCached } from '../../src/lib/article-cache.ts';

let dir: string;

beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'parallax-article-cache-')), 'parallax-articles');
});

afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

const packs = () => readdirSync(dir).filter((name) => name !== 'index.json');

describe('the article cache', () => {
  test('reads back every text kept, across builds, whatever was written, kept and forgotten (property)', () => {
    const key = fc.constantFrom('a.html', 'a.analysis', 'b.html', 'b.x.extraction', 'c.html', 'd.analysis');
    // Texts with characters of several UTF-8 lengths: offsets are counted in bytes, not characters.
    const text = fc.string({ unit: 'binary', maxLength: 300 });
    const build = fc.record({ writes: fc.array(fc.tuple(key, text), { maxLength: 8 }), keep: fc.uniqueArray(key) });
    fc.assert(
      fc.property(fc.array(build, { minLength: 1, maxLength: 6 }), fc.constantFrom(0, 200, 10_000), (builds, slack) => {
        rmSync(dir, { recursive: true, force: true });
        const model = new Map<string, string>();
        for (const { writes, keep } of builds) {
          const cache = new ArticleCache(dir, { slack });
          for (const [k, t] of writes) {
            cache.write(k, t);
            model.set(k, t);
          }
          const live = new Set<string>([...keep, ...writes.map(([k]) => k)]);
          cache.finish(live);
          for (const k of [...model.keys()]) if (!live.has(k)) model.delete(k);
          for (const [k, t] of model) expect(readCached(dir, k, 'articles/a.md', 'HTML')).toBe(t);
          for (const k of ['a.html', 'a.analysis', 'b.html', 'b.x.extraction', 'c.html', 'd.analysis'].filter((k) => !model.has(k))) {
            expect(() => readCached(dir, k, 'articles/a.md', 'HTML')).toThrow(/articles\/a\.md: the HTML of this article is missing/);
          }
          // One index and one pack, whatever happened.
          expect(packs()).toHaveLength(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('writes a cold build into two files, and a rebuild appends to the pack', () => {
    const first = new ArticleCache(dir);
    for (let i = 0; i < 100; i++) first.write(`${i}.html`, `<p>Article ${i}</p>`);
    first.finish(new Set(Array.from({ length: 100 }, (_, i) => `${i}.html`)));
    expect(readdirSync(dir)).toHaveLength(2);
    const [pack] = packs();
    const size = statSync(path.join(dir, pack!)).size;
    const second = new ArticleCache(dir);
    expect(second.has('7.html')).toBe(true);
    second.write('7b.html', '<p>Article 7, changed</p>');
    second.finish(new Set([...Array.from({ length: 100 }, (_, i) => `${i}.html`).filter((k) => k !== '7.html'), '7b.html']));
    expect(packs()).toEqual([pack]);
    expect(statSync(path.join(dir, pack!)).size).toBe(size + '<p>Article 7, changed</p>'.length);
    expect(readCached(dir, '7b.html', 'x', 'HTML')).toBe('<p>Article 7, changed</p>');
    expect(readCached(dir, '8.html', 'x', 'HTML')).toBe('<p>Article 8</p>');
  });

  test('copies the texts in use into a new pack once the unused ones outweigh them', () => {
    const big = 'x'.repeat(1000);
    const first = new ArticleCache(dir, { slack: 0 });
    first.write('old.html', big);
    first.write('kept.html', 'kept');
    expect(first.finish(new Set(['old.html', 'kept.html'])).compacted).toBe(false);
    const [before] = packs();
    const second = new ArticleCache(dir, { slack: 0 });
    expect(second.finish(new Set(['kept.html']))).toEqual({ kept: 1, compacted: true });
    const [after] = packs();
    expect(after).not.toBe(before);
    expect(statSync(path.join(dir, after!)).size).toBe(4);
    expect(readCached(dir, 'kept.html', 'x', 'HTML')).toBe('kept');
  });

  test('a build that stopped before its index was written leaves the last index usable', () => {
    const first = new ArticleCache(dir);
    first.write('a.html', 'first');
    first.finish(new Set(['a.html']));
    const stopped = new ArticleCache(dir);
    stopped.write('b.html', 'never indexed');
    // No finish: the index still speaks of the first build only.
    expect(readCached(dir, 'a.html', 'x', 'HTML')).toBe('first');
    const next = new ArticleCache(dir);
    expect(next.has('b.html')).toBe(false);
    next.write('b.html', 'second');
    next.finish(new Set(['a.html', 'b.html']));
    expect(readCached(dir, 'b.html', 'x', 'HTML')).toBe('second');
    expect(readCached(dir, 'a.html', 'x', 'HTML')).toBe('first');
  });

  test('an index that cannot be used starts a new pack and removes everything else', () => {
    const first = new ArticleCache(dir);
    first.write('a.html', 'first');
    first.finish(new Set(['a.html']));
    const [old] = packs();
    writeFileSync(path.join(dir, 'index.json'), '{"format": "something else"');
    appendFileSync(path.join(dir, 'stray.json'), '{}');
    const next = new ArticleCache(dir);
    expect(next.has('a.html')).toBe(false);
    next.write('a.html', 'again');
    next.finish(new Set(['a.html']));
    expect(packs()).toHaveLength(1);
    expect(packs()).not.toContain(old);
    expect(readCached(dir, 'a.html', 'x', 'HTML')).toBe('again');
  });

  test('readers see a new index as soon as it is written', () => {
    const first = new ArticleCache(dir);
    first.write('a.html', 'one');
    first.finish(new Set(['a.html']));
    expect(readCached(dir, 'a.html', 'x', 'HTML')).toBe('one');
    const second = new ArticleCache(dir);
    second.write('a.html', 'two, longer');
    second.finish(new Set(['a.html']));
    expect(readCached(dir, 'a.html', 'x', 'HTML')).toBe('two, longer');
    expect(JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')).entries['a.html']).toEqual([3, 11]);
  });
});
