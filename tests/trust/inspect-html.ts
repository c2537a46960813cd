/**
 * Reads HTML the way a browser would (parse5, through hast) and lists what could run script, load
 * active content, restyle the page or steal its anchors. String searches would miss `jav&#x09;ascript:`
 * and flag harmless text such as "onerror=" in a sentence; the parsed tree does neither.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Elements that run script, embed other documents, or change how the page loads or looks. */
const ACTIVE = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'link', 'meta', 'base', 'form', 'template', 'noscript', 'svg', 'math', 'portal']);
/** Attributes that hold URLs a browser may follow, fetch or run (hast property names). */
const URL_PROPERTIES = ['href', 'src', 'srcSet', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'background', 'cite', 'longDesc', 'ping', 'manifest', 'dynsrc', 'lowsrc', 'codeBase'];
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'irc:', 'ircs:', 'xmpp:']);

export interface Danger {
  what: string;
  where: string;
}

function urlsOf(property: string, value: unknown): string[] {
  const values = Array.isArray(value) ? value.map(String) : [String(value)];
  if (property !== 'srcSet') return values;
  return values.join(',').split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
}

/** Whether a URL, resolved as a browser resolves it (control characters and tabs dropped), is a plain link. */
export function isSafeUrl(value: string): boolean {
  try {
    return SAFE_PROTOCOLS.has(new URL(value, 'https://site.invalid/page/').protocol);
  } catch {
    return true;
  }
}

function describe(node: Element): string {
  const props = Object.entries(node.properties)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ');
  return `<${node.tagName}${props ? ` ${props}` : ''}>`.slice(0, 200);
}

/** Never on any page of the site, the site's own markup included. */
const NEVER = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'style']);
/** Where the site's build puts its own scripts: files, never inline. */
const SITE_SCRIPT = /^\/(?:_astro|pagefind)\/[\w.-]+\.js$/;

export interface InspectOptions {
  /**
   * Inspect a whole page of the site: the layout's own head, scripts (files under /_astro/ or
   * /pagefind/) and forms are expected, and the article (`.article`) must hold nothing active.
   * @default false (a fragment of article HTML, where nothing active may appear at all)
   */
  page?: boolean;
}

const classesOf = (node: Element): unknown[] => ([] as unknown[]).concat(node.properties['className'] ?? []);

/**
 * Everything in `html` that could run or inject: active elements, event-handler and style
 * attributes, and URLs with a scheme other than http(s), mailto, irc or xmpp.
 */
export function dangersIn(html: string, options: InspectOptions = {}): Danger[] {
  const tree = fromHtml(html, { fragment: !options.page });
  const found: Danger[] = [];
  const check = (node: Element, inArticle: boolean, inHead: boolean) => {
    const active = ACTIVE.has(node.tagName);
    if (!options.page || inArticle) {
      if (active) found.push({ what: `a <${node.tagName}> element`, where: describe(node) });
    } else if (NEVER.has(node.tagName)) {
      found.push({ what: `a <${node.tagName}> element`, where: describe(node) });
    } else if (node.tagName === 'script') {
      const src = node.properties['src'];
      if (typeof src !== 'string' || !SITE_SCRIPT.test(src) || toString(node).trim()) found.push({ what: 'a script that is not one of the build', where: describe(node) });
    } else if ((node.tagName === 'meta' || node.tagName === 'link') && !inHead) {
      found.push({ what: `a <${node.tagName}> outside the head`, where: describe(node) });
    } else if (node.tagName === 'meta' && node.properties['httpEquiv'] !== undefined && String(node.properties['httpEquiv']).toLowerCase() !== 'content-security-policy') {
      found.push({ what: 'a <meta http-equiv> other than the Content-Security-Policy', where: describe(node) });
    }
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key)) found.push({ what: `an event handler (${key})`, where: describe(node) });
      if (key === 'style') found.push({ what: 'a style attribute', where: describe(node) });
      if (URL_PROPERTIES.includes(key) && value !== null && value !== undefined && value !== false) {
        for (const url of urlsOf(key, value)) {
          if (!isSafeUrl(url)) found.push({ what: `an unsafe URL in ${key}`, where: describe(node) });
        }
      }
    }
    if (node.tagName === 'a' && node.properties['target'] !== undefined) {
      const rel = ([] as unknown[]).concat(node.properties['rel'] ?? []).map(String);
      if (!rel.includes('noopener')) found.push({ what: 'a link that opens a window without rel=noopener', where: describe(node) });
    }
  };
  const walk = (node: Root | ElementContent | RootContent, inArticle: boolean, inHead: boolean) => {
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      check(node, inArticle, inHead);
      inArticle ||= node.tagName === 'article' && classesOf(node).includes('article');
      inHead ||= node.tagName === 'head';
    }
    for (const child of node.children) walk(child, inArticle, inHead);
  };
  walk(tree, false, false);
  return found;
}

const SENTENCE_ID = /^s-[0-9a-z]{7,}(?:-\d+)?$/;

/**
 * Ids and names in article HTML that could clobber the page's own (`main`, `article-heading`) or
 * pose as a sentence anchor: every one must be a sentence id placed by the pipeline or carry the
 * sanitizer's `user-content-` prefix.
 */
export function foreignIds(html: string): string[] {
  const tree = fromHtml(html, { fragment: true });
  const bad: string[] = [];
  visit(tree, 'element', (node: Element) => {
    for (const key of ['id', 'name']) {
      const value = node.properties[key];
      if (typeof value !== 'string') continue;
      const placed = key === 'id' && SENTENCE_ID.test(value) && classesOf(node).includes('s') && node.properties['dataS'] === value;
      if (!placed && !value.startsWith('user-content-')) bad.push(`${key}="${value}"`);
    }
  });
  return bad;
}

/** Elements whose text is not prose: the segmenter leaves them alone by design. */
const NOT_PROSE = new Set(['pre', 'script', 'style', 'template', 'svg', 'math', 'textarea']);

export interface SentenceCoverage {
  /** Text of the article outside any sentence (and outside code blocks and revision labels). */
  outside: string[];
  /** Joined text of each sentence's pieces, by id. */
  pieces: Map<string, string>;
  /** Every id placed on an element. */
  ids: Set<string>;
}

/** Whether an element holds the site's words (a sentence permalink, the label standing in for an image), not the article's. */
const isSiteText = (node: Element): boolean => {
  const classes = classesOf(node);
  return (node.tagName === 'a' && classes.includes('s-link')) || classes.includes('article-image');
};

/** The article's text inside an element, without the site's words. */
const proseText = (node: Element): string =>
  node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' && !isSiteText(child) ? proseText(child) : '')).join('');

/**
 * How the rendered article's text is covered by sentence anchors: which text sits outside every
 * `span.s`, and what each sentence's pieces (which share `data-s`) read when joined.
 */
export function sentenceCoverage(html: string): SentenceCoverage {
  const tree = fromHtml(html, { fragment: true });
  const outside: string[] = [];
  const pieces = new Map<string, string>();
  const ids = new Set<string>();
  const walk = (node: Root | RootContent | ElementContent, inSentence: boolean) => {
    if (node.type === 'text') {
      if (!inSentence && node.value.trim()) outside.push(node.value);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const id = node.properties['id'];
      if (typeof id === 'string') ids.add(id);
      if (NOT_PROSE.has(node.tagName) || node.properties['dataNoSentences'] !== undefined) return;
      const classes = classesOf(node);
      if (isSiteText(node)) return;
      const s = node.properties['dataS'];
      if (typeof s === 'string' && classes.includes('s')) {
        pieces.set(s, (pieces.get(s) ?? '') + proseText(node));
        inSentence = true;
      }
    }
    for (const child of node.children) walk(child, inSentence);
  };
  walk(tree, false);
  return { outside, pieces, ids };
}

/** Collapses whitespace the way sentence texts are stored. */
export const normalizeSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** Drops all whitespace, for comparing text across different block structures. */
export const squash = (text: string): string => text.replace(/\s+/g, '');
