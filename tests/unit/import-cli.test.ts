import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const CLI = path.resolve('src/cli/import.ts');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

const STORY = [
  'Ferry operator suspends crossings after engine fire',
  '',
  'By Jane Roe | May 10, 2024',
  '',
  'A fire broke out in the engine room of the Northern Star ferry on Wednesday evening, forcing the crew to return to port.',
  '',
  'The maritime accident board has opened an investigation. It expects to publish a first report within a month.',
  '',
  'Most Read',
  'Storm warning for the weekend',
].join('\n');

const UNDATED = [
  'Library to open on Sundays',
  '',
  'The central library will open on Sundays from next month, the city council announced.',
  '',
  'The change follows a petition signed by more than 4,000 residents last year.',
].join('\n');

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-import-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

// Each test starts the CLI in fresh Node processes, which is slow on a busy machine.
describe('import CLI', { timeout: 60_000 }, () => {
  test('writes <id>.md named after the outlet, reports removals on stderr and prints the file', () => {
    const dir = workspace({ 'ferry.txt': STORY });
    const out = path.join(dir, 'articles');
    const result = run([path.join(dir, 'ferry.txt'), '--out', out, '--outlet', 'Harbour Times', '--url', 'https://harbour.example/ferry-fire']);
    expect(result.status).toBe(0);
    const file = path.join(out, 'harbour-times.md');
    expect(result.stdout.trim()).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe(
      [
        '---',
        'title: Ferry operator suspends crossings after engine fire',
        'outlet: Harbour Times',
        'url: https://harbour.example/ferry-fire',
        'published: 2024-05-10',
        'author: Jane Roe',
        '---',
        '',
        'A fire broke out in the engine room of the Northern Star ferry on Wednesday evening, forcing the crew to return to port.',
        '',
        'The maritime accident board has opened an investigation. It expects to publish a first report within a month.',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toContain('“Most Read” — other stories after the article (“Most Read” and everything after it)');
    expect(result.stderr).toContain('“By Jane Roe | May 10, 2024” — byline (read into the metadata)');
  });

  test('imports an HTML page with the metadata it states', () => {
    const dir = workspace({});
    const out = path.join(dir, 'articles');
    const result = run([path.resolve('tests/fixtures/import/full-news-page/input.html'), '--out', out]);
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(out, 'the-tarn-valley-courier.md'), 'utf8')).toBe(readFileSync(path.resolve('tests/fixtures/import/full-news-page/expected.md'), 'utf8'));
    expect(result.stderr).toContain('(html)');
    expect(result.stderr).toMatch(/page\s+“My parents live in Fenwick.*” — outside the article: reader comments/);
  });

  test('does not overwrite an existing file without --force, and names it', () => {
    const dir = workspace({ 'ferry.txt': STORY });
    const out = path.join(dir, 'articles');
    const args = [path.join(dir, 'ferry.txt'), '--out', out, '--outlet', 'Harbour Times'];
    expect(run(args).status).toBe(0);
    writeFileSync(path.join(out, 'harbour-times.md'), readFileSync(path.join(out, 'harbour-times.md'), 'utf8').replace('author: Jane Roe', 'author: J. Roe'));

    const again = run(args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`${path.join(out, 'harbour-times.md')} already exists and holds the same article; add --force to overwrite it`);
    expect(readFileSync(path.join(out, 'harbour-times.md'), 'utf8')).toContain('author: J. Roe');

    const forced = run([...args, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(path.join(out, 'harbour-times.md'), 'utf8')).toContain('author: Jane Roe');
  });

  test('gives another article of the same outlet its own id', () => {
    const dir = workspace({ 'ferry.txt': STORY, 'library.txt': UNDATED });
    const out = path.join(dir, 'articles');
    const result = run([path.join(dir, 'ferry.txt'), path.join(dir, 'library.txt'), '--out', out, '--outlet', 'Harbour Times']);
    expect(result.status).toBe(0);
    expect(existsSync(path.join(out, 'harbour-times.md'))).toBe(true);
    expect(existsSync(path.join(out, 'harbour-times-2.md'))).toBe(true);
  });

  test('keeps unknown metadata unknown and lists it as warnings', () => {
    const dir = workspace({ 'library-sundays.txt': UNDATED });
    const out = path.join(dir, 'articles');
    const result = run([path.join(dir, 'library-sundays.txt'), '--out', out]);
    expect(result.status).toBe(0);
    const text = readFileSync(path.join(out, 'library-sundays.md'), 'utf8');
    expect(text).toContain('outlet: unknown\n');
    expect(text).toContain('published: unknown\n');
    expect(result.stderr).toContain('published: the page states no date; written as `published: unknown` (set --published)');
    expect(result.stderr).toContain('outlet: the page does not name its outlet; written as `unknown` (set --outlet)');
    expect(result.stderr).toContain('not stated by the page: url, author');
  });

  test('lets --published state what the page does not, including a range', () => {
    const dir = workspace({ 'library.txt': UNDATED });
    const out = path.join(dir, 'articles');
    const result = run([path.join(dir, 'library.txt'), '--out', out, '--outlet', 'City Post', '--published', '2024-03-01..2024-03-31']);
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(out, 'city-post.md'), 'utf8')).toContain('published:\n  after: 2024-03-01\n  before: 2024-03-31\n');
  });

  test('writes the report as JSON with --report', () => {
    const dir = workspace({ 'ferry.txt': STORY });
    const report = path.join(dir, 'report.json');
    expect(run([path.join(dir, 'ferry.txt'), '--out', path.join(dir, 'articles'), '--report', report]).status).toBe(0);
    const [entry] = JSON.parse(readFileSync(report, 'utf8'));
    expect(entry).toMatchObject({ input: path.join(dir, 'ferry.txt'), id: 'ferry', format: 'text' });
    expect(entry.removed).toContainEqual({ place: 'line 9', text: 'Most Read', reason: 'other stories after the article (“Most Read” and everything after it)' });
    expect(entry.warnings).toContain('outlet: the page does not name its outlet; written as `unknown` (set --outlet)');
  });

  test('exits 1 naming the file on bad input', () => {
    const dir = workspace({ 'menu.txt': 'Home\nNews\nSport\n', 'binary.txt': '\u0000\u0001' });
    const missing = run([path.join(dir, 'nothing.txt'), '--out', dir]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`${path.join(dir, 'nothing.txt')}: does not exist`);
    const empty = run([path.join(dir, 'menu.txt'), '--out', dir]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain(`${path.join(dir, 'menu.txt')}: holds no article text`);
    expect(run([path.join(dir, 'binary.txt'), '--out', dir]).status).toBe(1);
    expect(empty.stderr).not.toMatch(/\n\s+at /);
  });

  test('exits 2 with usage on wrong arguments', () => {
    for (const args of [[], ['a.txt', '--colour'], ['a.txt', '--out'], ['a.txt', '--published', '22/03/2019'], ['a.txt', '--url', 'ftp://x']]) {
      const result = run(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('usage: npm run import');
    }
  });
});
