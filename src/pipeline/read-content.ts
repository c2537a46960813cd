import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { ContentError, type ContentProblem } from './content-error.ts';
import { articleSchema, incidentSchema, type ArticleFrontmatter, type IncidentFile } from './schema.ts';

/** An article file, validated but not yet processed. */
export interface ArticleSource {
  id: string;
  /** Path of the file as shown in messages. */
  file: string;
  frontmatter: ArticleFrontmatter;
  /** The Markdown body, verbatim. */
  body: string;
  /** 1-based line of the file on which the body starts (for positions in messages). */
  bodyLine: number;
}

export interface ContentSource {
  dir: string;
  incident: IncidentFile;
  articles: ArticleSource[];
  /** Hidden files of articles/ (`.name.md`: editor backups, system files), left out and named so that none vanishes unnoticed. */
  skipped: string[];
}

/**
 * Frontmatter validated by an earlier reading, by the text of its YAML: a rebuild need not parse
 * and validate again the frontmatter of the articles that did not change. Only frontmatter that
 * passed is kept, so a bad file is always read anew and its problems named with their lines.
 */
export interface FrontmatterMemo {
  /** `file` names the article in an error. */
  get(yaml: string, file: string): ArticleFrontmatter | undefined;
  set(yaml: string, frontmatter: ArticleFrontmatter): void;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

/** The line of a YAML field, following a dotted path as far as it exists. */
function lineOf(doc: Document, counter: LineCounter, fieldPath: PropertyKey[], offsetLines: number): number | undefined {
  let node: unknown = doc.contents;
  let range: [number, number, number] | undefined = (doc.contents as { range?: [number, number, number] } | null)?.range;
  for (const [depth, key] of fieldPath.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) {
        if (depth === 0) return undefined;
        break;
      }
      range = (isScalar(pair.key) ? pair.key.range : undefined) ?? range;
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      const item = (node as { items: unknown[] }).items[Number(key)];
      if (!item) break;
      range = (item as { range?: [number, number, number] }).range ?? range;
      node = item;
    } else break;
  }
  return range ? counter.linePos(range[0]).line + offsetLines : undefined;
}

function zodProblems(error: z.ZodError, file: string, doc: Document, counter: LineCounter, offsetLines: number): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}: remove or rename ${issue.keys.length > 1 ? 'them' : 'it'}`;
    const line = lineOf(doc, counter, issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path, offsetLines);
    return { file, ...(line ? { line } : {}), ...(field ? { field } : {}), message };
  });
}

function parseYaml(text: string, file: string, offsetLines: number, problems: ContentProblem[]): { doc: Document; counter: LineCounter } | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    for (const error of doc.errors) {
      problems.push({ file, line: counter.linePos(error.pos[0]).line + offsetLines, message: `is not valid YAML: ${error.message.split('\n')[0]}` });
    }
    return undefined;
  }
  return { doc, counter };
}

/** Reads one article file: frontmatter validated against the schema, body kept verbatim. */
export function parseArticleFile(raw: string, file: string, fileName: string, problems: ContentProblem[], memo?: FrontmatterMemo): ArticleSource | undefined {
  const text = raw.replace(/^\uFEFF/, '');
  const match = FRONTMATTER.exec(text);
  if (!match) {
    problems.push({ file, line: 1, message: 'has no frontmatter: start the file with a `---` line, the fields title, outlet and published, and a closing `---` line' });
    return undefined;
  }
  const yaml = match[1] ?? '';
  let frontmatter = memo?.get(yaml, file);
  if (!frontmatter) {
    const parsed = parseYaml(yaml, file, 1, problems);
    if (!parsed) return undefined;
    const data: unknown = parsed.doc.toJS() ?? {};
    const result = articleSchema.safeParse(data);
    if (!result.success) {
      problems.push(...zodProblems(result.error, file, parsed.doc, parsed.counter, 1));
      return undefined;
    }
    frontmatter = result.data;
    memo?.set(yaml, frontmatter);
  }
  const bodyLine = match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
  return {
    id: frontmatter.id ?? slugify(fileName.replace(/\.(md|markdown)$/i, '')),
    file,
    frontmatter,
    body: text.slice(match[0].length).replace(/\r\n?/g, '\n'),
    bodyLine,
  };
}

/**
 * The text of a file, or the line of its first byte that is not UTF-8. Decoding strictly keeps a
 * real U+FFFD in an article from being taken for a decoding error.
 */
function decodeUtf8(bytes: Uint8Array): string | { line: number } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    let index = loose.indexOf('\uFFFD');
    // Every character before the first bad sequence decoded exactly, so its byte offset is known.
    while (index >= 0) {
      const offset = Buffer.byteLength(loose.slice(0, index));
      if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) break;
      index = loose.indexOf('\uFFFD', index + 1);
    }
    return { line: loose.slice(0, Math.max(index, 0)).split('\n').length };
  }
}

const notUtf8 = (line: number) => `is not valid UTF-8 text (line ${line} holds the first bytes that are not): save it as UTF-8`;

/**
 * A content error is the author's to fix, not a fault of the program: Astro prints the stack of
 * any error that has one, which would bury the list of problems.
 */
export function withoutStack(error: ContentError): ContentError {
  error.stack = '';
  return error;
}

/** File names become ids: lowercase ASCII letters, digits and dashes. */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'article'
  );
}

export function parseIncidentFile(raw: string, file: string, problems: ContentProblem[]): IncidentFile | undefined {
  const parsed = parseYaml(raw.replace(/^\uFEFF/, ''), file, 0, problems);
  if (!parsed) return undefined;
  const result = incidentSchema.safeParse(parsed.doc.toJS() ?? {});
  if (!result.success) {
    problems.push(...zodProblems(result.error, file, parsed.doc, parsed.counter, 0));
    return undefined;
  }
  const seen = new Map<string, number>();
  result.data.topics.forEach((topic, index) => {
    const first = seen.get(topic.id);
    if (first !== undefined) {
      problems.push({ file, line: lineOf(parsed.doc, parsed.counter, ['topics', index, 'id'], 0), field: `topics.${index}.id`, message: `repeats the id "${topic.id}" of topics.${first}: give each topic its own id` });
    } else seen.set(topic.id, index);
  });
  return result.data;
}

/**
 * Reads a content folder (`incident.yaml` and `articles/*.md`), validating everything.
 * Throws a ContentError naming every bad file and field; never skips a file silently.
 * `memo` gives articles' frontmatter validated by an earlier reading (see `FrontmatterMemo`).
 */
export function readContent(dir: string, { memo }: { memo?: FrontmatterMemo } = {}): ContentSource {
  const problems: ContentProblem[] = [];
  const incidentPath = path.join(dir, 'incident.yaml');
  const articlesDir = path.join(dir, 'articles');
  let incident: IncidentFile | undefined;
  let incidentBytes: Buffer | undefined;
  try {
    incidentBytes = readFileSync(incidentPath);
  } catch {
    problems.push({ file: display(incidentPath), message: 'is missing: a content folder needs incident.yaml (title, summary, topics, actors) beside articles/' });
  }
  if (incidentBytes) {
    const text = decodeUtf8(incidentBytes);
    if (typeof text === 'string') incident = parseIncidentFile(text, display(incidentPath), problems);
    else problems.push({ file: display(incidentPath), message: notUtf8(text.line) });
  }
  let names: string[] = [];
  try {
    names = readdirSync(articlesDir).sort();
  } catch {
    problems.push({ file: display(articlesDir), message: 'is missing: put one Markdown file per article in articles/' });
  }
  const articles: ArticleSource[] = [];
  const skipped: string[] = [];
  const byId = new Map<string, string>();
  for (const name of names) {
    const file = display(path.join(articlesDir, name));
    if (name.startsWith('.')) {
      skipped.push(file);
      continue;
    }
    let bytes: Buffer;
    try {
      if (!statSync(path.join(articlesDir, name)).isFile()) {
        // A folder of articles would otherwise vanish from the site without a word.
        problems.push({ file, message: 'is a folder: articles/ holds the .md files themselves, so move the files it holds into articles/' });
        continue;
      }
      if (!/\.(md|markdown)$/i.test(name)) {
        problems.push({ file, message: 'is not a Markdown file: articles/ may only hold .md files (move other files elsewhere)' });
        continue;
      }
      bytes = readFileSync(path.join(articlesDir, name));
    } catch (error) {
      problems.push({ file, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}): check that it exists and is readable` });
      continue;
    }
    const text = decodeUtf8(bytes);
    if (typeof text !== 'string') {
      problems.push({ file, message: notUtf8(text.line) });
      continue;
    }
    const article = parseArticleFile(text, file, name, problems, memo);
    if (!article) continue;
    const other = byId.get(article.id);
    if (other) {
      problems.push({ file, field: 'id', message: `"${article.id}" is already the id of ${other}: rename one file or set a different \`id\` in its frontmatter` });
      continue;
    }
    byId.set(article.id, file);
    articles.push(article);
  }
  if (!problems.length && !articles.length) problems.push({ file: display(articlesDir), message: 'holds no articles: add at least one .md file' });
  if (problems.length || !incident) throw withoutStack(new ContentError(problems));
  return { dir, incident, articles, skipped };
}

/** What to tell about a hidden file of articles/ that was left out. */
export const SKIPPED_MESSAGE = 'left out: a hidden file (its name starts with ".") is not an article; rename it to publish it';
