/**
 * Each analysed article, kept beside the content layer's data store rather than in it: its
 * analysis (sentences and dates) and its HTML, named by the article's content digest, and what it
 * contributes to the incident (`ArticleExtraction`), named by that digest and the incident
 * definition's. Astro serialises the whole data store into the build's bundle and parses it back
 * at render time; with the analyses inside, a 5 000-article incident made a 46 MB store that
 * raised the build's peak memory by about 900 MB. The store keeps the validated frontmatter and
 * where these files are: the merge reads the contributions once, a source page its own HTML, and
 * the loader the analysis of an unchanged article when only incident.yaml changed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleExtraction } from '../pipeline/build-incident.ts';
import type { StoredArticle } from '../pipeline/stored-article.ts';

/** The folder of analyses inside a cache folder. */
export function analysisDir(cacheDir: string): string {
  return path.join(cacheDir, 'parallax-articles');
}

export interface AnalysisFiles {
  analysis: string;
  html: string;
  /** The article's contribution under one incident definition. */
  extraction: string;
}

const fileName = (digest: string) => digest.replace(/[^\w-]/gu, '_');

/**
 * The files of an article's digest, and of its extraction under a definition's digest (any
 * character outside [A-Za-z0-9_-] is replaced, so a digest is always one file name).
 */
export function analysisFiles(dir: string, digest: string, definitionDigest = 'none'): AnalysisFiles {
  const name = fileName(digest);
  return { analysis: path.join(dir, `${name}.json`), html: path.join(dir, `${name}.html`), extraction: path.join(dir, `${name}.${fileName(definitionDigest)}.extract.json`) };
}

export function hasAnalysis(files: AnalysisFiles): boolean {
  return existsSync(files.analysis) && existsSync(files.html);
}

export function writeAnalysis(files: AnalysisFiles, article: StoredArticle, html: string): void {
  mkdirSync(path.dirname(files.analysis), { recursive: true });
  writeFileSync(files.html, html);
  writeFileSync(files.analysis, JSON.stringify(article));
}

function read(file: string, article: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'is missing' : `cannot be read (${String(error)})`;
    throw new Error(`${article}: the ${what} of this article ${reason} at ${file}. The cache folder changed during the build: build again, and the article is analysed anew.`);
  }
}

export function writeExtraction(files: AnalysisFiles, extraction: ArticleExtraction): void {
  mkdirSync(path.dirname(files.extraction), { recursive: true });
  writeFileSync(files.extraction, JSON.stringify(extraction));
}

/** What `article` contributes to the incident (its file, named in the error when it cannot be read). */
export function readExtraction(file: string, article: string): ArticleExtraction {
  return JSON.parse(read(file, article, 'extraction')) as ArticleExtraction;
}

/** The stored analysis of `article` (its file, named in the error when it cannot be read). */
export function readAnalysis(file: string, article: string): StoredArticle {
  return JSON.parse(read(file, article, 'analysis')) as StoredArticle;
}

export function readArticleHtml(file: string, article: string): string {
  return read(file, article, 'HTML');
}

/** Removes the analyses of articles no longer in the content (changed or deleted), keeping `keep`. */
export function pruneAnalyses(dir: string, keep: ReadonlySet<string>): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (keep.has(file)) continue;
    rmSync(file, { force: true });
    removed++;
  }
  return removed;
}
