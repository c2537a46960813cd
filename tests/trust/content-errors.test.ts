import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ContentError } from '../../src/pipeline/content-error.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { readContent } from '../../src/pipeline/read-content.ts';
import { brokenPromises } from './check-article.ts';
import { articleText, HOSTILE_INCIDENT, oddFiles, PROSE } from './corpus.ts';

function folder(files: Record<string, string | Buffer>, incident: string | Buffer = HOSTILE_INCIDENT): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-trust-'));
  mkdirSync(path.join(dir, 'articles'));
  writeFileSync(path.join(dir, 'incident.yaml'), incident);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, 'articles', name), content);
  return dir;
}

/** The ContentError that reading `dir` must throw. */
function rejection(dir: string): ContentError {
  try {
    readContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error(`${dir} was accepted`);
}

/** The problem reported for one file, found by the end of its path. */
function problemFor(error: ContentError, name: string) {
  const problem = error.problems.find((item) => item.file.endsWith(name));
  expect(problem, `a problem naming ${name} in:\n${error.message}`).toBeDefined();
  return problem!;
}

const valid = (title = 'A valid article') => articleText({ title, outlet: 'Trust tests', body: PROSE });

describe('content errors', () => {
  test('carry no stack trace, so the build prints only the list of problems', () => {
    const error = rejection(folder({ 'a.md': 'no frontmatter' }));
    expect(error.stack).toBe('');
    expect(error.message).not.toMatch(/^\s+at /m);
  });

  test('list every bad file of a folder, not just the first, and keep none of them silently', () => {
    const error = rejection(
      folder({
        'good.md': valid(),
        'no-frontmatter.md': 'Just text.',
        'unclosed.md': '---\ntitle: T\noutlet: O\npublished: 2019\n',
        'bad-yaml.md': '---\ntitle: [unclosed\noutlet: O\npublished: 2019\n---\nText.',
        'unknown-field.md': '---\ntitle: T\noutlet: O\npublished: 2019\ncolour: red\n---\nText.',
        'wrong-type.md': '---\ntitle: [a, b]\noutlet: O\npublished: 2019\n---\nText.',
        'notes.txt': 'not an article',
      }),
    );
    expect(error.problems.map((problem) => path.basename(problem.file)).sort()).toEqual(
      ['bad-yaml.md', 'no-frontmatter.md', 'notes.txt', 'unclosed.md', 'unknown-field.md', 'wrong-type.md'].sort(),
    );
    expect(problemFor(error, 'unknown-field.md')).toMatchObject({ line: 5, message: expect.stringMatching(/unknown field `colour`/) });
    expect(problemFor(error, 'wrong-type.md')).toMatchObject({ line: 2, field: 'title' });
    expect(problemFor(error, 'bad-yaml.md').line).toBeGreaterThan(1);
  });

  test('name a folder inside articles/ instead of dropping the articles it holds', () => {
    const dir = folder({ 'good.md': valid() });
    mkdirSync(path.join(dir, 'articles', '2019'));
    writeFileSync(path.join(dir, 'articles', '2019', 'nested.md'), valid());
    expect(problemFor(rejection(dir), '2019').message).toMatch(/is a folder/);
  });

  test('name a dangling link instead of failing with a stack trace', () => {
    const dir = folder({ 'good.md': valid() });
    symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'articles', 'gone.md'));
    expect(problemFor(rejection(dir), 'gone.md').message).toMatch(/cannot be read \(ENOENT\)/);
  });
});

describe('text encodings', () => {
  const header = '---\ntitle: Bytes\noutlet: O\npublished: 2019-03-22\n---\n';

  test('refuse a body that is not UTF-8, naming the file and the line of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from(`${header}First line.\nSecond line with a \uFFFD that is real.\n`), Buffer.from([0x41, 0xc3, 0x28, 0x0a])]);
    const problem = problemFor(rejection(folder({ 'latin1.md': bytes })), 'latin1.md');
    expect(problem.message).toMatch(/^is not valid UTF-8 text \(line 8 /);
  });

  test('refuse a frontmatter that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\noutlet: O\npublished: 2019\n---\nText.\n')]);
    expect(problemFor(rejection(folder({ 'title.md': bytes })), 'title.md').message).toMatch(/\(line 2 /);
  });

  test('refuse an incident.yaml that is not UTF-8', () => {
    const incident = Buffer.concat([Buffer.from('title: Bad '), Buffer.from([0xff, 0xfe]), Buffer.from('\nsummary: S\n')]);
    expect(problemFor(rejection(folder({ 'good.md': valid() }, incident)), 'incident.yaml').message).toMatch(/not valid UTF-8 text \(line 1 /);
  });

  test('accept a real U+FFFD character, a byte order mark and Windows line ends', () => {
    const files = oddFiles(0);
    const content = readContent(folder({ 'odd-replacement-char.md': files['odd-replacement-char']!, 'odd-bom.md': files['odd-bom']!, 'odd-crlf.md': files['odd-crlf']! }));
    expect(content.articles.map((article) => article.id)).toEqual(['odd-bom', 'odd-crlf', 'odd-replacement-char']);
    expect(content.articles[2]?.frontmatter.title).toBe('A real U+FFFD \uFFFD character');
  });

  test('give a file with Windows line ends the same sentences and anchors as with Unix ones', () => {
    const text = articleText({ title: 'Line ends', outlet: 'O', body: `${PROSE}\n\nA second paragraph\nwrapped over two lines.\n\n> A quote.` });
    const [unix, windows] = readContent(folder({ 'unix.md': text, 'windows.md': text.replace(/\n/g, '\r\n') })).articles.map(processArticle);
    expect(windows?.sentences).toEqual(unix?.sentences);
    expect(windows?.html).toBe(unix?.html);
  });

  test('refuse old Mac line ends (CR only) with a message, not a silent empty article', () => {
    const text = articleText({ title: 'CR', outlet: 'O', body: PROSE }).replace(/\n/g, '\r');
    expect(problemFor(rejection(folder({ 'cr.md': text })), 'cr.md').message).toMatch(/has no frontmatter/);
  });
});

describe('two files with the same id', () => {
  test('are refused with the id field named and both files shown', () => {
    const error = rejection(folder({ 'first.md': valid(), 'second.md': articleText({ title: 'T', outlet: 'O', body: PROSE }).replace('---\n', '---\nid: first\n') }));
    const problem = problemFor(error, 'second.md');
    expect(problem.field).toBe('id');
    expect(problem.message).toMatch(/first\.md/);
  });

  test('are refused when two file names make the same id', () => {
    const error = rejection(folder({ 'Dam Report.md': valid(), 'dam-report.md': valid(), 'DAM_REPORT.markdown': valid() }));
    expect(error.problems.filter((problem) => problem.field === 'id')).toHaveLength(2);
  });
});

describe('dates at the edges', () => {
  const content = () =>
    readContent(
      folder(
        Object.fromEntries(
          ['odd-future', 'odd-before-1900', 'odd-year-1000', 'odd-offsets', 'odd-empty-body', 'odd-whitespace-body'].map((name) => [`${name}.md`, oddFiles(0)[name]!]),
        ),
      ),
    );

  test('accept a date in the future, before 1900, and revisions with offsets that disagree, and render them', () => {
    const articles = content().articles.map(processArticle);
    expect(articles.map((article) => article.source)).toEqual(['odd-before-1900', 'odd-empty-body', 'odd-future', 'odd-offsets', 'odd-whitespace-body', 'odd-year-1000']);
    for (const article of articles) expect(brokenPromises({ kind: 'rendered', article, source: content().articles.find((a) => a.id === article.source)! }), article.source).toEqual([]);
  });

  test('resolve "yesterday" against each of those dates in its own calendar', () => {
    const byId = new Map(content().articles.map(processArticle).map((article) => [article.source, article]));
    const yesterday = (id: string) =>
      byId
        .get(id)
        ?.sentences.flatMap((sentence) => sentence.dates)
        .filter((expression) => expression.text === 'yesterday')
        .map((expression) => expression.date?.value);
    expect(yesterday('odd-future')).toEqual(['2999-12-30']);
    expect(yesterday('odd-before-1900')).toEqual(['1850-05-31']);
    expect(yesterday('odd-offsets')).toEqual(['2019-03-20']);
  });

  test('render an empty article as a page with its metadata and a message, not as nothing', () => {
    const articles = content().articles.map(processArticle).filter((article) => article.source.includes('body'));
    expect(articles).toHaveLength(2);
    for (const article of articles) {
      expect(article.sentences).toEqual([]);
      expect(article.messages.map((message) => message.ruleId)).toEqual(['empty-article']);
    }
  });

  test.each([
    ['2019-02-30', /got "2019-02-30"/],
    ['2019-13', /got "2019-13"/],
    ['2019-03-22T24:00', /got "2019-03-22T24:00"/],
    ['2019-03-22T12:00+15:00', /got "2019-03-22T12:00\+15:00"/],
    ['22/03/2019', /got "22\/03\/2019"/],
    ['{ after: 2019-03-22, before: 2019-03-01 }', /`after` must not be later than `before`/],
    ['', /is required|expected/],
  ])('refuse published: %s, naming the field and the line', (value, message) => {
    const text = articleText({ title: 'T', outlet: 'O', body: PROSE }).replace('published: 2019-03-22', `published: ${value}`);
    const problem = problemFor(rejection(folder({ 'date.md': text })), 'date.md');
    expect(problem.field).toMatch(/^published/);
    expect(problem.line).toBe(4);
    expect(problem.message).toMatch(message);
  });

  test('refuse an update block whose time is not among the revisions, naming the line', () => {
    const text = articleText({ title: 'T', outlet: 'O', updated: [{ at: '2019-03-23' }], body: `${PROSE}\n\n:::update[Update:]{at=2019-03-24}\nLater text.\n:::` });
    const [article] = readContent(folder({ 'update.md': text })).articles;
    expect(() => processArticle(article!)).toThrow(ContentError);
    try {
      processArticle(article!);
    } catch (error) {
      const problem = (error as ContentError).problems[0];
      expect(problem?.line).toBe(10);
      expect(problem?.message).toMatch(/matches no entry of `updated`/);
      expect((error as ContentError).stack).toBe('');
    }
  });
});
