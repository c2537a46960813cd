import { normalizeIsoDate, parseStatedDate } from './parse-stated-date.ts';
import type { DetectedMetadata, StatedDate } from './types.ts';

/**
 * What an HTML page states about its article: JSON-LD (NewsArticle and its kin), Open Graph and
 * `article:*` meta tags, `<time datetime>`, the byline, the canonical link and `<html lang>`.
 * Sources are tried from the most to the least structured; a field no source states stays absent.
 */

export interface ExtractedMetadata {
  metadata: DetectedMetadata;
  warnings: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPE = /(?:^|:)(?:\w*Article|BlogPosting|LiveBlogPosting|Report)$/;

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function types(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((item): item is string => typeof item === 'string');
}

/** Every object of a JSON-LD document, through arrays and `@graph`. */
function flatten(value: Json, out: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(value)) for (const item of value) flatten(item, out);
  else if (isObject(value)) {
    out.push(value);
    const graph = value['@graph'];
    if (graph !== undefined) flatten(graph, out);
  }
  return out;
}

function text(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** "Jane Roe", { name: "Jane Roe" } or a list of either. */
function names(value: Json | undefined): string | undefined {
  const list = (Array.isArray(value) ? value : [value])
    .map((item) => (isObject(item) ? text(item['name']) : text(item)))
    .filter((name): name is string => name !== undefined && !/^https?:\/\//.test(name));
  return list.length ? [...new Set(list)].join(', ') : undefined;
}

function address(value: Json | undefined): string | undefined {
  const candidate = isObject(value) ? text(value['@id']) ?? text(value['url']) : text(value);
  return candidate && /^https?:\/\//i.test(candidate) ? candidate : undefined;
}

function statedDate(raw: string | undefined | null, from: string): StatedDate | undefined {
  if (!raw?.trim()) return undefined;
  const value = normalizeIsoDate(raw) ?? parseStatedDate(raw, { whole: true })?.value;
  return value ? { value, from } : undefined;
}

function meta(document: Document, ...keys: string[]): { value: string; key: string } | undefined {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = element?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (value) return { value, key };
  }
  return undefined;
}

function first<T>(...values: Array<T | undefined>): T | undefined {
  return values.find((value) => value !== undefined);
}

function withFrom(value: string | undefined, from: string): { value: string; from: string } | undefined {
  return value ? { value, from } : undefined;
}

/** `EN-us` → `en-us`; the schema wants the primary subtag in lowercase. */
function languageTag(lang: string): string {
  const [primary = '', ...rest] = lang.split('-');
  return [primary.toLowerCase(), ...rest].join('-');
}

export function extractMetadata(document: Document): ExtractedMetadata {
  const warnings: string[] = [];
  const nodes: JsonObject[] = [];
  document.querySelectorAll('script[type="application/ld+json"]').forEach((script, index) => {
    try {
      flatten(JSON.parse(script.textContent ?? '') as Json, nodes);
    } catch {
      warnings.push(`JSON-LD block ${index + 1} is not valid JSON and was ignored`);
    }
  });
  const article = nodes.find((node) => types(node).some((type) => ARTICLE_TYPE.test(type)));
  const ld = (key: string): Json | undefined => article?.[key];
  const publisher = ld('publisher');
  const website = nodes.find((node) => types(node).includes('WebSite'));

  const metaTag = (...keys: string[]) => {
    const found = meta(document, ...keys);
    return found ? { value: found.value, from: `<meta ${found.key}>` } : undefined;
  };

  const h1 = document.querySelector('article h1, main h1, h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const titleTag = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  const title = first(
    withFrom(text(ld('headline')), 'JSON-LD headline'),
    metaTag('og:title', 'twitter:title'),
    withFrom(h1, '<h1>'),
    withFrom(titleTag, '<title>'),
  );

  const outlet = first(
    withFrom(isObject(publisher) ? text(publisher['name']) : text(publisher), 'JSON-LD publisher.name'),
    metaTag('og:site_name', 'application-name'),
    withFrom(website ? text(website['name']) : undefined, 'JSON-LD WebSite name'),
  );

  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim();
  const url = first(
    withFrom(canonical && /^https?:\/\//i.test(canonical) ? canonical : undefined, '<link rel="canonical">'),
    metaTag('og:url'),
    withFrom(address(ld('url')) ?? address(ld('mainEntityOfPage')), 'JSON-LD url'),
  );

  const timeElement = document.querySelector('time[itemprop="datePublished"], time[pubdate], article time[datetime], main time[datetime], time[datetime]');
  const metaPublished = metaTag('article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued');
  const published = first(
    statedDate(text(ld('datePublished')), 'JSON-LD datePublished'),
    statedDate(metaPublished?.value, metaPublished?.from ?? ''),
    statedDate(timeElement?.getAttribute('datetime'), `<time datetime="${timeElement?.getAttribute('datetime') ?? ''}">`),
  );
  const metaModified = metaTag('article:modified_time', 'dateModified', 'last-modified');
  const modified = first(statedDate(text(ld('dateModified')), 'JSON-LD dateModified'), statedDate(metaModified?.value, metaModified?.from ?? ''));

  const bylineElement = document.querySelector('[rel="author"], [itemprop="author"], .byline, .author');
  const bylineText = bylineElement?.textContent?.replace(/\s+/g, ' ').replace(/^by\s+/i, '').trim();
  const metaAuthor = metaTag('author', 'article:author');
  const author = first(
    withFrom(names(ld('author')), 'JSON-LD author'),
    metaAuthor && !/^https?:\/\//.test(metaAuthor.value) ? metaAuthor : undefined,
    withFrom(bylineText && bylineText.length <= 80 ? bylineText : undefined, 'byline'),
  );

  const lang = document.documentElement?.getAttribute('lang')?.trim() || text(ld('inLanguage'));

  const metadata: DetectedMetadata = {
    ...(title ? { title: title.value } : {}),
    ...(outlet ? { outlet: outlet.value } : {}),
    ...(url ? { url: url.value } : {}),
    ...(published ? { published } : {}),
    updated: modified && modified.value !== published?.value ? [modified] : [],
    ...(author ? { author: author.value } : {}),
    ...(lang && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i.test(lang) ? { language: languageTag(lang) } : {}),
  };
  const seen = [title, outlet, url, author].filter(Boolean).length;
  if (!seen && !published) warnings.push('the page states no metadata (no JSON-LD, Open Graph, <title> or <time>)');
  return { metadata, warnings };
}
