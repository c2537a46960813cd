import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { BundlePlacement, setBundleAside, syncBundle, type BundleFile } from '../../src/integrations/search-bundle.ts';

const made: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'search-bundle-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

/** What a folder holds, as path → text. */
function contents(dir: string): Record<string, string> {
  const all: Record<string, string> = {};
  if (!existsSync(dir)) return all;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) all[path.relative(dir, path.join(entry.parentPath, entry.name))] = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return all;
}

function put(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

describe('syncBundle', () => {
  test('writes what is missing or different, leaves identical files untouched and deletes the rest', () => {
    const dir = scratch();
    put(dir, 'fragment/a.pf_fragment', 'same');
    put(dir, 'fragment/b.pf_fragment', 'old');
    put(dir, 'fragment/stale.pf_fragment', 'gone');
    put(dir, 'old-chunks/x.pf_index', 'gone too');
    const untouched = statSync(path.join(dir, 'fragment/a.pf_fragment'));
    const counts = syncBundle(dir, [
      { path: 'fragment/a.pf_fragment', content: bytes('same') },
      { path: 'fragment/b.pf_fragment', content: bytes('new') },
      { path: 'index/c.pf_index', content: bytes('added') },
      { path: 'pagefind-entry.json', content: bytes('{}') },
    ]);
    expect(contents(dir)).toEqual({ 'fragment/a.pf_fragment': 'same', 'fragment/b.pf_fragment': 'new', 'index/c.pf_index': 'added', 'pagefind-entry.json': '{}' });
    expect(counts).toEqual({ written: 3, unchanged: 1, removed: 2 });
    // Left alone, not rewritten with the same bytes.
    expect(statSync(path.join(dir, 'fragment/a.pf_fragment')).mtimeMs).toBe(untouched.mtimeMs);
    // An emptied folder goes too.
    expect(existsSync(path.join(dir, 'old-chunks'))).toBe(false);
  });

  test('replaces a folder where a file goes, and a file where a folder goes', () => {
    const dir = scratch();
    put(dir, 'entry/inner.txt', 'a folder in the way');
    put(dir, 'fragment', 'a file in the way');
    syncBundle(dir, [
      { path: 'entry', content: bytes('file') },
      { path: 'fragment/f.pf_fragment', content: bytes('fragment') },
    ]);
    expect(contents(dir)).toEqual({ entry: 'file', 'fragment/f.pf_fragment': 'fragment' });
  });

  test('refuses a file that would land outside the bundle, before touching anything', () => {
    const dir = scratch();
    put(dir, 'keep.txt', 'kept');
    for (const bad of ['../escape.txt', 'fragment/../../escape.txt', '']) {
      expect(() => syncBundle(path.join(dir, 'bundle'), [{ path: bad, content: bytes('x') }])).toThrow(/outside its bundle/u);
    }
    expect(contents(dir)).toEqual({ 'keep.txt': 'kept' });
  });

  test('whatever the folder held, it then holds exactly the given files (property)', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'index', 'fragment');
    const file = fc.tuple(fc.array(name, { minLength: 1, maxLength: 3 }), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(file, { maxLength: 8 }), fc.array(file, { maxLength: 8 }), (before, after) => {
        const dir = scratch();
        const bundle = path.join(dir, 'bundle');
        // Earlier files may collide as file and folder; the later one wins, as on disk.
        for (const [parts, text] of before) {
          try {
            rmSync(path.join(bundle, ...parts), { recursive: true, force: true });
            put(bundle, path.join(...parts), text);
          } catch {
            // A file stands where a folder would go: skip, the folder then holds the file.
          }
        }
        // Wanted files must not collide with each other: keep the first of any prefix clash.
        const wanted = new Map<string, string>();
        for (const [parts, text] of after) {
          const file = parts.join('/');
          const clashes = [...wanted.keys()].some((other) => other === file || other.startsWith(`${file}/`) || file.startsWith(`${other}/`));
          if (!clashes) wanted.set(file, text);
        }
        syncBundle(bundle, [...wanted].map(([file, text]): BundleFile => ({ path: file, content: bytes(text) })));
        expect(contents(bundle)).toEqual(Object.fromEntries([...wanted].map(([file, text]) => [path.join(...file.split('/')), text])));
      }),
      { numRuns: 60 },
    );
  });
});

/** A bundle's place in a scratch output folder, and where the last one is set aside. */
function bundleFolders(): { output: string; kept: string } {
  const dir = scratch();
  return { output: path.join(dir, 'dist', 'pagefind'), kept: path.join(dir, 'cache', 'search-bundle') };
}

/** Places `files` at once: the whole bundle as one folder, then moved. */
function placeBundle(kept: string, output: string, files: BundleFile[], keep?: (rel: string) => boolean) {
  const placement = new BundlePlacement(kept, output);
  placement.sync('', files, keep);
  return placement.move(() => files);
}

describe('setBundleAside and BundlePlacement', () => {
  test('the last bundle is moved out of the output folder and brought up to date in place of the new one', () => {
    const { output, kept } = bundleFolders();
    put(output, 'fragment/a.pf_fragment', 'same');
    put(output, 'fragment/stale.pf_fragment', 'gone');
    const before = statSync(path.join(output, 'fragment/a.pf_fragment'));

    expect(setBundleAside(output, kept)).toBe(true);
    expect(existsSync(output)).toBe(false);

    const counts = placeBundle(kept, output, [
      { path: 'fragment/a.pf_fragment', content: bytes('same') },
      { path: 'fragment/b.pf_fragment', content: bytes('new') },
    ]);
    expect(contents(output)).toEqual({ 'fragment/a.pf_fragment': 'same', 'fragment/b.pf_fragment': 'new' });
    expect(counts).toEqual({ written: 1, unchanged: 1, removed: 1 });
    expect(statSync(path.join(output, 'fragment/a.pf_fragment')).ino).toBe(before.ino);
    expect(existsSync(kept)).toBe(false);
  });

  test('with no earlier bundle, the new one is written whole, replacing anything in its place', () => {
    const { output, kept } = bundleFolders();
    expect(setBundleAside(output, kept)).toBe(false);
    put(output, 'left-over.txt', 'from something else');
    put(kept, 'left-over.txt', 'from a build that stopped');
    placeBundle(kept, output, [{ path: 'pagefind.js', content: bytes('js') }]);
    expect(contents(output)).toEqual({ 'pagefind.js': 'js' });
  });

  test('a part at a time: each folder is brought up to date alone, the others are left as they are', () => {
    const { output, kept } = bundleFolders();
    put(output, 'shards/1/fragment/old.pf_fragment', 'part 1, stale');
    put(output, 'shards/2/pagefind-entry.json', '{"part":2,"old":true}');
    put(output, 'shards/3/pagefind-entry.json', '{"part":3}');
    put(output, 'fragment/main.pf_fragment', 'main, stale');
    put(output, 'shards.json', '{"shards":["shards/1/","shards/2/","shards/3/"]}');
    expect(setBundleAside(output, kept)).toBe(true);

    const placement = new BundlePlacement(kept, output);
    placement.sync('shards/2/', [{ path: 'shards/2/pagefind-entry.json', content: bytes('{"part":2}') }]);
    // Part 2 is written; nothing else was touched yet.
    expect(contents(kept)).toMatchObject({ 'shards/1/fragment/old.pf_fragment': 'part 1, stale', 'fragment/main.pf_fragment': 'main, stale', 'shards/2/pagefind-entry.json': '{"part":2}' });
    // The root, but for the parts and their list.
    placement.sync('', [{ path: 'fragment/main2.pf_fragment', content: bytes('main') }], (rel) => rel.startsWith('shards/') || rel === 'shards.json');
    expect(contents(kept)).toMatchObject({ 'shards/1/fragment/old.pf_fragment': 'part 1, stale', 'fragment/main2.pf_fragment': 'main' });
    expect(contents(kept)).not.toHaveProperty(path.join('fragment', 'main.pf_fragment'));
    // Part 1 is no more; part 3 is kept as it was.
    placement.sync('', [{ path: 'shards.json', content: bytes('{"shards":["shards/2/","shards/3/"]}') }], (rel) => !rel.startsWith('shards/') || rel.startsWith('shards/2/') || rel.startsWith('shards/3/'));
    const counts = placement.move(() => []);
    expect(contents(output)).toEqual({
      [path.join('fragment', 'main2.pf_fragment')]: 'main',
      [path.join('shards', '2', 'pagefind-entry.json')]: '{"part":2}',
      [path.join('shards', '3', 'pagefind-entry.json')]: '{"part":3}',
      'shards.json': '{"shards":["shards/2/","shards/3/"]}',
    });
    expect(counts).toEqual({ written: 3, unchanged: 0, removed: 2 });
    expect(existsSync(kept)).toBe(false);
  });

  test('refuses a file outside the folder it is placed in', () => {
    const placement = new BundlePlacement(path.join(scratch(), 'kept'), path.join(scratch(), 'out'));
    expect(() => placement.sync('shards/1/', [{ path: 'shards/2/x', content: bytes('x') }])).toThrow(/not in its folder shards\/1\//u);
    expect(() => placement.sync('shards/1', [])).toThrow(/ends with "\/"/u);
  });
});

describe('syncBundle with parts kept', () => {
  test('leaves what `keep` accepts as it is, even when not among the given files, and still deletes the rest', () => {
    const dir = scratch();
    put(dir, 'shards/1/fragment/a.pf_fragment', 'kept part');
    put(dir, 'shards/2/fragment/b.pf_fragment', 'rebuilt part, stale file');
    put(dir, 'fragment/main.pf_fragment', 'main, stale');
    const counts = syncBundle(
      dir,
      [
        { path: 'shards/2/fragment/c.pf_fragment', content: bytes('rebuilt part') },
        { path: 'fragment/main2.pf_fragment', content: bytes('main') },
      ],
      (rel) => rel.startsWith('shards/1/'),
    );
    expect(contents(dir)).toEqual({
      'shards/1/fragment/a.pf_fragment': 'kept part',
      'shards/2/fragment/c.pf_fragment': 'rebuilt part',
      'fragment/main2.pf_fragment': 'main',
    });
    expect(counts).toEqual({ written: 2, unchanged: 0, removed: 2 });
  });

  test('placeBundle keeps the accepted parts of the bundle set aside', () => {
    const { output, kept } = bundleFolders();
    put(output, 'shards/3/pagefind-entry.json', '{"part":3}');
    put(output, 'pagefind-entry.json', '{"main":"old"}');
    expect(setBundleAside(output, kept)).toBe(true);
    placeBundle(kept, output, [{ path: 'pagefind-entry.json', content: bytes('{"main":"new"}') }], (rel) => rel.startsWith('shards/3/'));
    expect(contents(output)).toEqual({ 'shards/3/pagefind-entry.json': '{"part":3}', 'pagefind-entry.json': '{"main":"new"}' });
  });
});
