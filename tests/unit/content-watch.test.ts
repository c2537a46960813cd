import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readsFile, SETTLE_MS, watchContent } from '../../src/lib/content-watch.ts';

const dir = path.resolve('/news/content');

/** What a loader's context gives of Vite's watcher under `astro dev`. */
class FakeWatcher extends EventEmitter {
  added: string[] = [];
  add(file: string) {
    this.added.push(file);
    return this;
  }
}

function setup(reload: () => Promise<void>) {
  const watcher = new FakeWatcher();
  const info: string[] = [];
  const errors: string[] = [];
  const logger = { info: (message: string) => void info.push(message), error: (message: string) => void errors.push(message) };
  watchContent({ watcher: watcher as never, logger: logger as never }, dir, 'articles', reload);
  return { watcher, info, errors };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS * 3));

describe('which files a loader reads', () => {
  test('the articles loader reads each article and incident.yaml; the incident loader, incident.yaml alone', () => {
    expect(readsFile(dir, path.join(dir, 'articles', 'harbor-lines.md'), 'articles')).toBe(true);
    expect(readsFile(dir, path.join(dir, 'articles', 'Story.MARKDOWN'), 'articles')).toBe(true);
    expect(readsFile(dir, path.join(dir, 'incident.yaml'), 'articles')).toBe(true);
    expect(readsFile(dir, path.join(dir, 'incident.yaml'), 'incident')).toBe(true);
    expect(readsFile(dir, path.join(dir, 'articles', 'harbor-lines.md'), 'incident')).toBe(false);
    // Editors' backups and swap files, notes, other folders and other projects are not content.
    for (const other of ['articles/.harbor-lines.md', 'articles/harbor-lines.md~', 'articles/notes.txt', 'articles/drafts/a.md', 'notes.md', '../other/articles/a.md']) {
      expect(readsFile(dir, path.join(dir, other), 'articles'), other).toBe(false);
    }
  });
});

describe('reloading under astro dev', () => {
  test('does nothing without a watcher (a build)', () => {
    let calls = 0;
    watchContent({ logger: { info() {}, error() {} } as never }, dir, 'articles', async () => void calls++);
    expect(calls).toBe(0);
  });

  test('watches the content folder and reloads once for a burst of changes to the files it reads, naming them', async () => {
    let calls = 0;
    const { watcher, info } = setup(async () => void calls++);
    expect(watcher.added).toEqual([dir]);
    watcher.emit('change', path.join(dir, 'articles', 'a.md'));
    watcher.emit('unlink', path.join(dir, 'articles', 'b.md'));
    watcher.emit('add', path.join(dir, 'articles', 'a.md'));
    watcher.emit('change', path.join(dir, 'README.md'));
    await settled();
    expect(calls).toBe(1);
    expect(info).toEqual(['Reloaded the articles after a change to articles/a.md, articles/b.md']);
    watcher.emit('change', path.join(dir, 'other.txt'));
    await settled();
    expect(calls).toBe(1);
  });

  test('never runs two reloads at once: a change during one starts one more after it', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    let release: () => void = () => {};
    const { watcher } = setup(async () => {
      calls++;
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => (release = resolve));
      running--;
    });
    watcher.emit('change', path.join(dir, 'articles', 'a.md'));
    await settled();
    expect(calls).toBe(1);
    watcher.emit('change', path.join(dir, 'articles', 'b.md'));
    await settled();
    expect(calls).toBe(1);
    release();
    await settled();
    expect(calls).toBe(2);
    release();
    await settled();
    expect(most).toBe(1);
  });

  test('a reload that fails is logged with the content’s message, and the next change is reloaded again', async () => {
    let fail = true;
    let calls = 0;
    const { watcher, errors, info } = setup(async () => {
      calls++;
      if (fail) throw new Error('articles/a.md:3 published: is not a date');
    });
    watcher.emit('change', path.join(dir, 'articles', 'a.md'));
    await settled();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('articles/a.md:3 published: is not a date');
    expect(errors[0]).toContain('the pages show the content as it was before');
    fail = false;
    watcher.emit('change', path.join(dir, 'articles', 'a.md'));
    await settled();
    expect(calls).toBe(2);
    expect(info).toEqual(['Reloaded the articles after a change to articles/a.md']);
  });
});
