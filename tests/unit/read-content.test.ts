import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ContentError } from '../../src/pipeline/content-error.ts';
import { readContent, type FrontmatterMemo } from '../../src/pipeline/read-content.ts';
import type { ArticleFrontmatter } from '../../src/pipeline/schema.ts';

const INCIDENT = `title: A made-up dam failure
summary: A dam failed upstream of a town.
topics:
  - id: cause
    question: What caused the failure?
    cues: [cause, crack]
actors:
  - { id: water-board, name: Valley Water Board, aliases: [the board] }
`;

function folder(files: Record<string, string | Buffer>, incident = INCIDENT): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-content-'));
  mkdirSync(path.join(dir, 'articles'));
  if (incident !== '') writeFileSync(path.join(dir, 'incident.yaml'), incident);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'articles', name), text);
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    readContent(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).message.split('\n').slice(1).map((line) => line.trim());
  }
  throw new Error('expected a ContentError');
}

const article = (frontmatter: string, body = 'The dam failed on Monday.') => `---\n${frontmatter}\n---\n\n${body}\n`;

describe('readContent', () => {
  test('names the hidden files it leaves out instead of dropping them without a word', () => {
    const dir = folder({
      'river-news.md': article('title: Dam fails\noutlet: River News\npublished: 2024-05-07'),
      '.river-news.md.swp.md': article('title: Backup\noutlet: River News\npublished: 2024-05-07'),
    });
    const content = readContent(dir);
    expect(content.articles.map((a) => a.id)).toEqual(['river-news']);
    expect(content.skipped).toEqual([path.join(dir, 'articles', '.river-news.md.swp.md')].map((file) => expect.stringContaining(path.basename(file))));
  });

  test('reads a valid folder and keeps the body verbatim', () => {
    const dir = folder({ 'river-news.md': article('title: Dam fails\noutlet: River News\npublished: 2024-05-07', 'The dam failed on Monday.\r\nIt was old.') });
    const content = readContent(dir);
    expect(content.articles).toHaveLength(1);
    const [first] = content.articles;
    expect(first?.id).toBe('river-news');
    expect(first?.frontmatter.published).toBe('2024-05-07');
    expect(first?.frontmatter.language).toBe('en');
    expect(first?.body).toBe('\nThe dam failed on Monday.\nIt was old.\n');
    expect(first?.bodyLine).toBe(6);
  });

  test('accepts a month, a floating time, an offset time, a range and unknown as publication dates', () => {
    const dir = folder({
      'a.md': article('title: A\noutlet: A\npublished: 2024-05'),
      'b.md': article('title: B\noutlet: B\npublished: 2024-05-07T08:35'),
      'c.md': article('title: C\noutlet: C\npublished: 2024-05-07T08:35+05:30'),
      'd.md': article('title: D\noutlet: D\npublished: { after: 2024-05-07, before: 2024-05-31 }'),
      'e.md': article('title: E\noutlet: E\npublished: unknown'),
      'f.md': article('title: F\noutlet: F\npublished: 2024'),
    });
    expect(readContent(dir).articles.map((a) => a.frontmatter.published)).toEqual([
      '2024-05',
      '2024-05-07T08:35',
      '2024-05-07T08:35+05:30',
      { after: '2024-05-07', before: '2024-05-31' },
      'unknown',
      '2024',
    ]);
  });

  test('names the file, line and field of a missing outlet', () => {
    const dir = folder({ 'a.md': article('title: Dam fails\npublished: 2024-05-07') });
    expect(problemsOf(dir)).toEqual([`${path.join(dir, 'articles', 'a.md')}: \`outlet\` is required: the name of the publication, such as "The Guardian"`]);
  });

  test('names the line of an unparseable date and says which forms are expected', () => {
    const dir = folder({ 'a.md': article('title: Dam fails\noutlet: River News\npublished: 07/05/2024') });
    const [problem] = problemsOf(dir);
    expect(problem).toMatch(/articles\/a\.md:4: `published` expected a date such as 2019-03-22/);
    expect(problem).toContain('got "07/05/2024"');
  });

  test('rejects a day that does not exist', () => {
    const dir = folder({ 'a.md': article('title: Dam fails\noutlet: River News\npublished: 2023-02-29') });
    expect(problemsOf(dir)[0]).toMatch(/a\.md:4: `published` .*got "2023-02-29"/);
  });

  test('reports wrong types with the field path', () => {
    const dir = folder({ 'a.md': article('title: [not, text]\noutlet: River News\npublished: 2024-05-07\nupdated: yesterday') });
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/a\.md:2: `title` expected text/);
    expect(problems[1]).toMatch(/a\.md:5: `updated` expected a list of \{ at, note \} entries/);
  });

  test('reports a bad date inside the updated list with its index', () => {
    const dir = folder({ 'a.md': article('title: T\noutlet: O\npublished: 2024-05-07\nupdated:\n  - at: soon') });
    expect(problemsOf(dir)[0]).toMatch(/a\.md:6: `updated\.0\.at` expected a date/);
  });

  test('refuses an unknown field instead of ignoring it', () => {
    const dir = folder({ 'a.md': article('title: T\noutlet: O\npublished: 2024-05-07\npublisher: O') });
    expect(problemsOf(dir)[0]).toMatch(/a\.md:5: unknown field `publisher`: remove or rename it/);
  });

  test('refuses two articles with the same id and names both files', () => {
    const dir = folder({
      'a.md': article('title: T\noutlet: O\npublished: 2024-05-07\nid: same'),
      'b.md': article('title: T\noutlet: P\npublished: 2024-05-07\nid: same'),
    });
    const [problem] = problemsOf(dir);
    expect(problem).toMatch(/articles\/b\.md: `id` "same" is already the id of .*articles\/a\.md: rename one file or set a different `id`/);
  });

  test('refuses an incident topic without an id', () => {
    const dir = folder(
      { 'a.md': article('title: T\noutlet: O\npublished: 2024-05-07') },
      'title: T\nsummary: S\ntopics:\n  - question: Why?\n    cues: [why]\n',
    );
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/incident\.yaml:4: `topics\.0\.id` is required: a stable id such as cause/)]);
  });

  test('refuses an actor without an id, with an example made from a name', () => {
    const dir = folder({ 'a.md': article('title: T\noutlet: O\npublished: 2024-05-07') }, 'title: T\nsummary: S\nactors:\n  - name: Jane Doe\n');
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/incident\.yaml:4: `actors\.0\.id` is required: a stable id such as jane-doe \(the name in lowercase, with dashes\)/)]);
  });

  test('refuses two topics with the same id', () => {
    const dir = folder({ 'a.md': article('title: T\noutlet: O\npublished: 2024-05-07') }, `${INCIDENT}  - id: cause\n    question: Again?\n    cues: [again]\n`.replace('actors:\n  - { id: water-board, name: Valley Water Board, aliases: [the board] }\n', '') + 'actors: []\n');
    expect(problemsOf(dir).join('\n')).toMatch(/`topics\.1\.id` repeats the id "cause" of topics\.0/);
  });

  test('says what to do when incident.yaml or the frontmatter is missing', () => {
    const dir = folder({ 'a.md': 'Just text, no frontmatter.\n' }, '');
    const problems = problemsOf(dir);
    expect(problems.some((p) => /incident\.yaml: is missing: a content folder needs incident\.yaml/.test(p))).toBe(true);
    expect(problems.some((p) => /a\.md:1: has no frontmatter: start the file with a `---` line/.test(p))).toBe(true);
  });

  test('reports every bad file, not only the first', () => {
    const dir = folder({ 'a.md': article('title: T\npublished: 2024-05-07'), 'b.md': article('title: T\noutlet: O') });
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/a\.md.*`outlet`/);
    expect(problems[1]).toMatch(/b\.md.*`published` is required/);
  });

  test('refuses a file that is not Markdown instead of skipping it', () => {
    const dir = folder({ 'a.md': article('title: T\noutlet: O\npublished: 2024-05-07'), 'notes.txt': 'hello' });
    expect(problemsOf(dir)[0]).toMatch(/notes\.txt: is not a Markdown file/);
  });

  test('strips a byte order mark and accepts CRLF line ends', () => {
    const dir = folder({ 'a.md': '\uFEFF---\r\ntitle: T\r\noutlet: O\r\npublished: 2024-05-07\r\n---\r\nText.\r\n' });
    expect(readContent(dir).articles[0]?.body).toBe('Text.\n');
  });

  test('refuses text that is not UTF-8', () => {
    const dir = folder({ 'a.md': Buffer.concat([Buffer.from('---\ntitle: T\noutlet: O\npublished: 2024-05-07\n---\n'), Buffer.from([0xff, 0xfe, 0x41])]) });
    expect(problemsOf(dir)[0]).toMatch(/a\.md: is not valid UTF-8 text/);
  });
});

/** A memo that keeps frontmatter as JSON text, as the article cache does, and counts what it was asked. */
function jsonMemo() {
  const kept = new Map<string, string>();
  const asked = { hits: 0, misses: 0, set: 0 };
  const memo: FrontmatterMemo = {
    get(yaml) {
      const text = kept.get(yaml);
      if (text === undefined) {
        asked.misses++;
        return undefined;
      }
      asked.hits++;
      return JSON.parse(text) as ArticleFrontmatter;
    },
    set(yaml, frontmatter) {
      asked.set++;
      kept.set(yaml, JSON.stringify(frontmatter));
    },
  };
  return { memo, kept, asked };
}

describe('readContent with frontmatter kept from an earlier reading', () => {
  const variety = {
    'plain.md': article('title: Dam fails\noutlet: River News\npublished: 2024-05-07'),
    'full.md': article(
      'id: full-story\ntitle: "Dam: the full story"\noutlet: Valley Times\nurl: https://example.com/a\npublished: { after: 2024-05-01, before: 2024-05-09 }\nupdated:\n  - { at: 2024-05-10T08:35+02:00, note: Figures corrected }\n  - at: 2024\nauthor: Jo Roe\nlanguage: pt-BR',
    ),
    'unknown.md': article("title: Undated\noutlet: The Post\npublished: unknown"),
    'year.md': article('title: A year only\noutlet: The Post\npublished: 2024'),
  };

  test('gives the very frontmatter a fresh reading gives, and parses again only what changed', () => {
    const dir = folder(variety);
    const fresh = readContent(dir).articles;
    const { memo, asked } = jsonMemo();
    expect(readContent(dir, { memo }).articles).toEqual(fresh);
    expect(asked).toEqual({ hits: 0, misses: 4, set: 4 });
    expect(readContent(dir, { memo }).articles).toEqual(fresh);
    expect(asked).toEqual({ hits: 4, misses: 4, set: 4 });
    writeFileSync(path.join(dir, 'articles', 'plain.md'), article('title: Dam fails at dawn\noutlet: River News\npublished: 2024-05-07'));
    const again = readContent(dir, { memo }).articles;
    expect(again.find((a) => a.id === 'plain')?.frontmatter.title).toBe('Dam fails at dawn');
    expect(asked).toEqual({ hits: 7, misses: 5, set: 5 });
  });

  test('keeps no frontmatter that fails, so a bad file is named with its line every time', () => {
    const dir = folder({ 'bad.md': article('title: Dam fails\noutlet: River News\npublished: 2024-13-40') });
    const { memo, kept } = jsonMemo();
    for (let run = 0; run < 2; run++) {
      expect(() => readContent(dir, { memo })).toThrow(/bad\.md:4.*published/u);
    }
    expect(kept.size).toBe(0);
  });
});

