import path from 'node:path';
import { articleSchema, type PublishedValue } from '../schema.ts';
import { importHtml } from './import-html.ts';
import { importText } from './import-text.ts';
import type { FieldNotes, ImportedFrontmatter } from './to-content-file.ts';
import type { ImportedPage, ImportOverrides, Removal } from './types.ts';

/**
 * Imports one saved page, HTML or plain text, into the fields of a content file. What the person
 * importing states (overrides) wins over what the page states; what neither states stays unknown
 * and is listed in the warnings, never guessed.
 */

export interface ImportArticleInput {
  /** The file's name: tells HTML from text, and names the article when its outlet is unknown. */
  name: string;
  content: string;
  overrides?: ImportOverrides;
}

export interface ImportedArticle {
  format: 'html' | 'text';
  frontmatter: ImportedFrontmatter;
  /** Comments for fields a person should check. */
  notes: FieldNotes;
  body: string;
  removals: Removal[];
  warnings: string[];
  /** What the id is made from: the outlet, or the file name when the outlet is unknown. */
  idSource: string;
}

const HTML_EXTENSIONS = /\.(?:html?|xhtml|php|aspx?)$/i;
const TEXT_EXTENSIONS = /\.(?:txt|text)$/i;

export function isHtml(name: string, content: string): boolean {
  if (HTML_EXTENSIONS.test(name)) return true;
  if (TEXT_EXTENSIONS.test(name)) return false;
  const head = content.slice(0, 4096);
  return /^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml)/i.test(head) || (/<(?:body|article|p|div)[\s>]/i.test(head) && /<\/(?:p|div|body|html)>/i.test(content));
}

/** "…/2021/06/14/harbor-lines-releases-statement/" → "Harbor lines releases statement": what the address states. */
function titleFromUrl(url: string): string | undefined {
  try {
    const segments = new URL(url).pathname.split('/').filter((segment) => /[a-z]/i.test(segment) && segment.includes('-'));
    const slug = segments.sort((a, b) => b.length - a.length)[0]?.replace(/\.\w+$/, '');
    if (!slug) return undefined;
    const words = decodeURIComponent(slug).replace(/[-_]+/g, ' ').trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
  } catch {
    return undefined;
  }
}

function referenceOf(published: PublishedValue | undefined): string | undefined {
  return typeof published === 'string' && published !== 'unknown' ? published : undefined;
}

export function importArticle(input: ImportArticleInput): ImportedArticle {
  const overrides = input.overrides ?? {};
  const format = isHtml(input.name, input.content) ? 'html' : 'text';
  const reference = referenceOf(overrides.published);
  const page: ImportedPage = format === 'html' ? importHtml(input.content, reference ? { reference } : {}) : importText(input.content, reference ? { reference } : {});
  const stated = page.metadata;
  const warnings = [...page.warnings];
  const notes: FieldNotes = {};
  const stem = path.basename(input.name).replace(/\.[^.]+$/, '');

  const overridden = (field: string, given: string | undefined, found: string | undefined) => {
    if (given !== undefined && found !== undefined && given !== found) warnings.push(`${field}: --${field} ${given} replaces ${found}, which the page states`);
  };
  overridden('outlet', overrides.outlet, stated.outlet);
  overridden('url', overrides.url, stated.url);
  overridden('title', overrides.title, stated.title);
  if (overrides.published !== undefined && typeof overrides.published === 'string') overridden('published', overrides.published, stated.published?.value);

  let url = overrides.url ?? stated.url;
  if (url && !articleSchema.shape.url.safeParse(url).success) {
    warnings.push(`url: the page states “${url}”, which is not an http(s) address; left out`);
    url = undefined;
  }

  let title = overrides.title ?? stated.title;
  if (!title) {
    const fromUrl = url ? titleFromUrl(url) : undefined;
    title = fromUrl ?? stem;
    notes.title = fromUrl ? 'The page states no headline; this is the one its address states.' : 'The page states no headline; this is the file name: replace it with the headline.';
    warnings.push(`title: the page states no headline; “${title}” is taken from the ${fromUrl ? 'address' : 'file name'} (set --title)`);
  }

  const outlet = overrides.outlet ?? stated.outlet;
  if (!outlet) {
    notes.outlet = 'The page does not name its outlet: replace `unknown` with it.';
    warnings.push('outlet: the page does not name its outlet; written as `unknown` (set --outlet)');
  }

  const published: PublishedValue = overrides.published ?? stated.published?.value ?? 'unknown';
  if (published === 'unknown') {
    notes.published = 'The page states no date. Set it, or bounds { after, before }, when another source states one.';
    warnings.push('published: the page states no date; written as `published: unknown` (set --published)');
  }

  const missing = [!url && 'url', !(overrides.author ?? stated.author) && 'author'].filter(Boolean);
  if (missing.length) warnings.push(`not stated by the page: ${missing.join(', ')}`);

  const author = overrides.author ?? stated.author;
  const frontmatter: ImportedFrontmatter = {
    title,
    outlet: outlet ?? 'unknown',
    ...(url ? { url } : {}),
    published,
    updated: stated.updated.map((update) => ({ at: update.value })),
    ...(author ? { author } : {}),
    ...(stated.language && stated.language !== 'en' ? { language: stated.language } : {}),
  };
  return { format, frontmatter, notes, body: page.body, removals: page.removals, warnings, idSource: outlet ?? stem };
}
