import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import {
  digestOf,
  fillMainPart,
  inPart,
  keepDigests,
  MAIN_PART,
  MANIFEST,
  mergedPartFiles,
  partOf,
  takeDigests,
  unchangedParts,
  type PartDigests,
} from '../../src/integrations/search-shards.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'search-shards-'));
  made.push(dir);
  return dir;
}

describe('partOf', () => {
  test('puts every keyed item in one of the parts, always the same one for the same key (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 2, max: 64 }), (key, count) => {
        const part = partOf(key, count);
        const n = Number(/^shards\/(\d+)\/$/u.exec(part)?.[1]);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(count);
        expect(partOf(key, count)).toBe(part);
      }),
    );
  });

  test('puts unkeyed items, and everything when the index is not split, in the main index', () => {
    expect(partOf(undefined, 8)).toBe(MAIN_PART);
    expect(partOf('daily', 1)).toBe(MAIN_PART);
    expect(partOf('daily', 0)).toBe(MAIN_PART);
  });

  test('spreads many keys over all the parts, none holding more than twice its share', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const part = partOf(`outlet-${i}`, 8);
      counts.set(part, (counts.get(part) ?? 0) + 1);
    }
    expect(counts.size).toBe(8);
    for (const n of counts.values()) expect(n).toBeLessThan(1000);
  });
});

describe('mergedPartFiles and inPart', () => {
  test('a merged part keeps what a search reads from it, not the script, styles or WebAssembly it shares with the main index', () => {
    const files = ['pagefind.js', 'pagefind-ui.css', 'pagefind-worker.js', 'wasm.en.pagefind', 'pagefind-entry.json', 'pagefind.en_1a2b.pf_meta', 'index/en_1.pf_index', 'fragment/en_2.pf_fragment', 'filter/en_3.pf_filter'];
    const kept = mergedPartFiles(files.map((file) => ({ path: file, content: new Uint8Array() }))).map((file) => file.path);
    expect(kept).toEqual(['pagefind-entry.json', 'pagefind.en_1a2b.pf_meta', 'index/en_1.pf_index', 'fragment/en_2.pf_fragment', 'filter/en_3.pf_filter']);
  });

  test('tells which part a path of the bundle belongs to', () => {
    expect(inPart('shards/2/fragment/x.pf_fragment', 'shards/2/')).toBe(true);
    expect(inPart('shards/21/fragment/x.pf_fragment', 'shards/2/')).toBe(false);
    expect(inPart('fragment/x.pf_fragment', MAIN_PART)).toBe(true);
    expect(inPart('pagefind.js', MAIN_PART)).toBe(true);
    expect(inPart('shards/', MAIN_PART)).toBe(false);
    expect(inPart('shards/2/', MAIN_PART)).toBe(false);
    // The list of parts is written by every build.
    expect(inPart(MANIFEST, MAIN_PART)).toBe(false);
  });
});

describe('digests', () => {
  test('differ when texts move from one item to the next (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (a, b) => {
        if (JSON.stringify(a) === JSON.stringify(b)) return;
        expect(digestOf(a)).not.toBe(digestOf(b));
      }),
    );
    expect(digestOf(['ab', 'c'])).not.toBe(digestOf(['a', 'bc']));
  });

  test('are read once: reading deletes them, so a build that stops before placing its bundle leaves none to trust', () => {
    const file = path.join(scratch(), 'parts.json');
    keepDigests(file, { bundle: '/site/pagefind', settings: 's', parts: { '': { records: 'r', pages: 'p' } } });
    expect(takeDigests(file)).toEqual({ bundle: '/site/pagefind', settings: 's', parts: { '': { records: 'r', pages: 'p' } } });
    expect(existsSync(file)).toBe(false);
    expect(takeDigests(file)).toBeUndefined();
    writeFileSync(file, 'not json');
    expect(takeDigests(file)).toBeUndefined();
    expect(existsSync(file)).toBe(false);
  });

  test('a part is unchanged only when its records, its pages, the settings and the bundle folder are the same', () => {
    const previous = { bundle: '/site/pagefind', settings: 's', parts: { '': { records: 'r0', pages: 'p0' }, 'shards/1/': { records: 'r1', pages: 'p1' }, 'shards/2/': { records: 'r2', pages: 'p2' } } };
    const now = new Map<string, PartDigests>([
      ['', { records: 'r0', pages: 'p0' }],
      ['shards/1/', { records: 'r1', pages: 'p1-changed' }],
      ['shards/2/', { records: 'r2-changed', pages: 'p2' }],
      ['shards/3/', { records: 'r3', pages: 'p3' }],
    ]);
    expect([...unchangedParts(previous, { bundle: '/site/pagefind', settings: 's' }, now)]).toEqual(['']);
    expect([...unchangedParts(previous, { bundle: '/site/pagefind', settings: 'other settings' }, now)]).toEqual([]);
    // A build into another output folder that shares the cache folder: its digests describe another bundle.
    expect([...unchangedParts(previous, { bundle: '/elsewhere/pagefind', settings: 's' }, now)]).toEqual([]);
    expect([...unchangedParts(undefined, { bundle: '/site/pagefind', settings: 's' }, now)]).toEqual([]);
  });
});

describe('fillMainPart', () => {
  const part = (pages: string[], records: string[]) => ({ pages, records });

  test('moves the first part into an empty main index, which the search page could not load', () => {
    const parts = new Map([
      [MAIN_PART, part([], [])],
      ['shards/2/', part(['b'], [])],
      ['shards/1/', part(['a'], ['claim'])],
    ]);
    fillMainPart(parts);
    expect([...parts.keys()].sort()).toEqual([MAIN_PART, 'shards/2/']);
    expect(parts.get(MAIN_PART)).toEqual(part(['a'], ['claim']));
  });

  test('leaves a main index that holds something, and a site with no other part, as they are', () => {
    const parts = new Map([
      [MAIN_PART, part([], ['event'])],
      ['shards/1/', part(['a'], [])],
    ]);
    fillMainPart(parts);
    expect([...parts.keys()]).toEqual([MAIN_PART, 'shards/1/']);
    const alone = new Map([[MAIN_PART, part([], [])]]);
    fillMainPart(alone);
    expect([...alone.keys()]).toEqual([MAIN_PART]);
  });
});
