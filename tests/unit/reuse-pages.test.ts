import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { clearAllButPages, reasonToRenderAll, removeStalePages } from '../../src/integrations/reuse-pages.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site(files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'reuse-pages-'));
  made.push(dir);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), file);
  }
  return dir;
}

const list = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();

describe('clearAllButPages', () => {
  test('keeps the pages and the folders left alone, and deletes everything else with the folders it empties', () => {
    const dir = site(['index.html', 'sources/a/index.html', '_astro/site.css', 'feed.xml', 'pagefind/pagefind.js', 'old/x.json', '.git/HEAD']);
    const pages = clearAllButPages(dir, ['pagefind']);
    expect(list(dir)).toEqual(['.git/HEAD', 'index.html', 'pagefind/pagefind.js', 'sources/a/index.html']);
    expect([...pages.keys()].map((file) => path.relative(dir, file)).sort()).toEqual(['index.html', 'sources/a/index.html']);
    expect(existsSync(path.join(dir, 'old'))).toBe(false);
  });

  test('keeps no page when told not to (after a build that did not finish)', () => {
    const dir = site(['index.html', 'sources/a/index.html', 'feed.xml']);
    expect(clearAllButPages(dir, [], false).size).toBe(0);
    expect(list(dir)).toEqual([]);
  });

  test('does nothing when there is no output folder yet', () => {
    expect(clearAllButPages(path.join(tmpdir(), 'no-such-output-folder-xyz')).size).toBe(0);
  });
});

describe('removeStalePages', () => {
  test('deletes the pages neither listed by the build nor written by it, with the folders they leave empty', () => {
    const dir = site(['index.html', 'sources/kept/index.html', 'sources/rewritten/index.html', 'sources/gone/index.html']);
    const before = clearAllButPages(dir);
    // The build rewrites one page (a later modification time) and lists another as reused.
    const rewritten = path.join(dir, 'sources/rewritten/index.html');
    writeFileSync(rewritten, 'new');
    utimesSync(rewritten, new Date(), new Date(Date.now() + 5000));
    const listed = new Set([path.join(dir, 'index.html'), path.join(dir, 'sources/kept/index.html')]);
    const removed = removeStalePages(dir, before, listed);
    expect(removed.map((file) => path.relative(dir, file))).toEqual(['sources/gone/index.html']);
    expect(list(dir)).toEqual(['index.html', 'sources/kept/index.html', 'sources/rewritten/index.html']);
    expect(existsSync(path.join(dir, 'sources/gone'))).toBe(false);
  });
});

describe('reasonToRenderAll', () => {
  test('reuses pages only when the last build finished, into this same folder', () => {
    const cache = site([]);
    const files = { mark: path.join(cache, 'mark'), lastOutput: path.join(cache, 'last'), manifest: path.join(cache, 'manifest.json') };
    // A first build: nothing to reuse, nothing to say.
    expect(reasonToRenderAll(files, '/site/dist')).toBeUndefined();
    writeFileSync(files.manifest, '{}');
    expect(reasonToRenderAll(files, '/site/dist')).toMatch(/does not say which folder/u);
    writeFileSync(files.lastOutput, '/site/dist\n');
    expect(reasonToRenderAll(files, '/site/dist')).toBeUndefined();
    // Another output folder shares the cache folder: Astro's record speaks of its pages.
    expect(reasonToRenderAll(files, '/site/preview')).toMatch(/another folder \(\/site\/dist\)/u);
    writeFileSync(files.mark, '123\n');
    expect(reasonToRenderAll(files, '/site/dist')).toMatch(/did not finish/u);
  });
});
