import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ContentProblem } from '../pipeline/content-error.ts';
import { chooseId, type ExistingArticle } from '../pipeline/import/choose-id.ts';
import { importArticle, type ImportedArticle } from '../pipeline/import/import-article.ts';
import { ImportError } from '../pipeline/import/import-error.ts';
import { parsePublishedOption } from '../pipeline/import/parse-published-option.ts';
import { toContentFile } from '../pipeline/import/to-content-file.ts';
import type { ImportOverrides } from '../pipeline/import/types.ts';
import { parseArticleFile } from '../pipeline/read-content.ts';
import { articleSchema } from '../pipeline/schema.ts';

const USAGE = `usage: npm run import -- <file…> [--out <dir>] [--outlet <name>] [--url <address>]
                          [--published <date>] [--title <headline>] [--author <name>]
                          [--force] [--report <file.json>]

Turns saved article pages (HTML, or the text of a page) into content files <id>.md in --out
(default content/articles). The options state what a page does not, and win over what it does;
they apply to every file given. --published takes any form of the \`published\` field, or a range
2019-03-21..2019-12-31. Removed blocks and warnings go to stderr, and as JSON to --report.
An existing file is only replaced with --force. Exit status: 0 ok, 1 bad input, 2 usage.`;

const VALUE_OPTIONS = new Set(['out', 'outlet', 'url', 'published', 'title', 'author', 'report']);
const FLAG_OPTIONS = new Set(['force', 'help']);

interface Arguments {
  files: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

function parseArguments(argv: string[]): Arguments | string {
  const files: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s);
    if (FLAG_OPTIONS.has(name) && inline === undefined) flags.add(name);
    else if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) return `--${name} needs a value`;
      options.set(name, value);
    } else return `unknown option --${name}`;
  }
  return { files, options, flags };
}

function overridesOf(options: Map<string, string>): ImportOverrides | string {
  const overrides: ImportOverrides = {};
  for (const field of ['outlet', 'title', 'author'] as const) {
    const value = options.get(field)?.trim();
    if (value !== undefined) {
      if (!value) return `--${field} must not be empty`;
      overrides[field] = value;
    }
  }
  const url = options.get('url');
  if (url !== undefined) {
    if (!articleSchema.shape.url.safeParse(url).success) return `--url expected an http(s) address such as https://example.com/story; got "${url}"`;
    overrides.url = url;
  }
  const published = options.get('published');
  if (published !== undefined) {
    const parsed = parsePublishedOption(published);
    if ('error' in parsed) return parsed.error;
    overrides.published = parsed.value;
  }
  return overrides;
}

/** The articles already in the output folder, read loosely: a file that is not valid still holds its id. */
function existingArticles(dir: string): ExistingArticle[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.(?:md|markdown)$/i.test(name))
    .map((name) => {
      const file = path.join(dir, name);
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
      let data: Record<string, unknown> = {};
      try {
        const parsed: unknown = match ? parseYaml(match[1] ?? '') : {};
        if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
      } catch {
        // An unreadable frontmatter still reserves the file's name.
      }
      const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
      const url = text('url');
      const title = text('title');
      return { id: text('id') ?? name.replace(/\.(?:md|markdown)$/i, ''), file, ...(url ? { url } : {}), ...(title ? { title } : {}) };
    });
}

interface FileReport {
  input: string;
  output?: string;
  id?: string;
  format?: ImportedArticle['format'];
  frontmatter?: ImportedArticle['frontmatter'];
  removed: ImportedArticle['removals'];
  warnings: string[];
  error?: string;
}

function describe(report: FileReport): string {
  const lines = [report.error ? `${report.input}: ${report.error}` : `${report.input} → ${report.output} (${report.format})`];
  if (report.removed.length) {
    lines.push(`  removed ${report.removed.length} block${report.removed.length === 1 ? '' : 's'}:`);
    const width = Math.max(...report.removed.map((removal) => removal.place.length));
    for (const removal of report.removed) lines.push(`    ${removal.place.padEnd(width)}  “${removal.text}” — ${removal.reason}`);
  }
  if (report.warnings.length) {
    lines.push('  warnings:');
    for (const warning of report.warnings) lines.push(`    ${warning}`);
  }
  return lines.join('\n');
}

function readInput(file: string): string {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a saved page' : `cannot be read (${code ?? 'unknown error'})`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new ImportError('is not UTF-8 text: save the page as UTF-8');
  }
}

function main(argv: string[]): number {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!parsed.files.length) {
    process.stderr.write(`no file given\n${USAGE}\n`);
    return 2;
  }
  const overrides = overridesOf(parsed.options);
  if (typeof overrides === 'string') {
    process.stderr.write(`${overrides}\n${USAGE}\n`);
    return 2;
  }
  const outDir = parsed.options.get('out') ?? path.join('content', 'articles');
  const force = parsed.flags.has('force');
  const existing = existingArticles(outDir);
  const taken = new Set<string>();
  const reports: FileReport[] = [];

  for (const input of parsed.files) {
    const report: FileReport = { input, removed: [], warnings: [] };
    reports.push(report);
    try {
      const article = importArticle({ name: input, content: readInput(input), overrides });
      Object.assign(report, { format: article.format, frontmatter: article.frontmatter, removed: article.removals, warnings: article.warnings });
      const { id, replaces } = chooseId(article.idSource, { ...(article.frontmatter.url ? { url: article.frontmatter.url } : {}), title: article.frontmatter.title }, existing, taken);
      const output = path.join(outDir, `${id}.md`);
      if (existsSync(output) && !force) {
        throw new ImportError(`not imported: ${output} already exists${replaces ? ' and holds the same article' : ''}; add --force to overwrite it`);
      }
      const text = toContentFile(article.frontmatter, article.body, article.notes);
      const problems: ContentProblem[] = [];
      if (!parseArticleFile(text, output, `${id}.md`, problems)) {
        throw new ImportError(`gives an invalid content file: ${problems.map((problem) => problem.message).join('; ')}`);
      }
      mkdirSync(outDir, { recursive: true });
      writeFileSync(output, text);
      taken.add(id);
      if (!replaces) existing.push({ id, file: output, ...(article.frontmatter.url ? { url: article.frontmatter.url } : {}), title: article.frontmatter.title });
      Object.assign(report, { output, id });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      report.error = error.message;
    }
    process.stderr.write(`${describe(report)}\n`);
  }

  const reportFile = parsed.options.get('report');
  if (reportFile) writeFileSync(reportFile, `${JSON.stringify(reports, null, 2)}\n`);
  for (const report of reports) if (report.output) process.stdout.write(`${report.output}\n`);
  return reports.some((report) => report.error) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
