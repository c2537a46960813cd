/**
 * What of a built page the search indexer needs to read. A page whose parts to index are marked
 * `data-pagefind-body` is indexed from those parts: Pagefind reads every other element only to
 * leave it out. Most of a source page is such elements (the header, the navigation, the source's
 * claims as the comparison shows them, the footer), and Pagefind's time goes with the elements it
 * reads, not with the text it keeps: 1 000 source pages of a synthetic corpus took 1.2-1.7 s to add
 * whole and 0.8-1.05 s to add as `indexedPart` gives them (19.5 MB of HTML against 7.9 MB), for an
 * index that is the same byte for byte (tests/unit/search-page-html.test.ts compares the two).
 *
 * The page is read with a scanner that knows tags, quoted attribute values, comments and the
 * elements whose content is raw text; anything it is not sure of gives the page back whole, so the
 * worst it does is save nothing.
 */

/** Elements that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is text up to their end tag, never tags. */
const RAW = new Set(['script', 'style', 'textarea', 'title']);
/** Elements whose content parsers read differently (as text or as tags, by their settings): a page with one is given whole. */
const UNSURE = new Set(['noscript', 'iframe', 'noembed', 'noframes', 'xmp', 'plaintext', 'template', 'svg', 'math']);

interface Tag {
  /** Lower-cased name; empty for a comment, a doctype or a processing instruction. */
  name: string;
  end: boolean;
  start: number;
  /** Offset after the tag's `>`. */
  after: number;
  /** The attributes as written, between the name and `>`. */
  attributes: string;
}

/** The tag starting at `<` at `at`, or `undefined` when what follows cannot be read as one. */
function readTag(html: string, at: number): Tag | undefined {
  if (html.startsWith('<!--', at)) {
    const close = html.indexOf('-->', at + 4);
    return close < 0 ? undefined : { name: '', end: false, start: at, after: close + 3, attributes: '' };
  }
  if (html[at + 1] === '!' || html[at + 1] === '?') {
    const close = html.indexOf('>', at);
    return close < 0 ? undefined : { name: '', end: false, start: at, after: close + 1, attributes: '' };
  }
  const end = html.charCodeAt(at + 1) === 47; // "/"
  const nameStart = at + (end ? 2 : 1);
  const first = html.charCodeAt(nameStart) | 0x20;
  if (first < 97 || first > 122) return undefined;
  let i = nameStart + 1;
  // The name runs to a space, "/" or ">".
  for (let c = html.charCodeAt(i); i < html.length && c !== 62 && c !== 47 && c !== 32 && (c < 9 || c > 13); c = html.charCodeAt(++i));
  const name = html.slice(nameStart, i);
  const from = i;
  // Up to the `>` that is not inside a quoted value.
  for (let quote = ''; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return { name: name.toLowerCase(), end, start: at, after: i + 1, attributes: html.slice(from, i) };
    }
  }
  return undefined;
}

/** Whether `pattern` finds an attribute's name in the attributes as written, never within a value; `word` is a part of that name, to look for first. */
function hasAttribute(attributes: string, pattern: RegExp, word: string): boolean {
  if (!attributes.includes(word)) return false;
  // Values removed, so that an attribute's name is never matched inside another's value.
  return pattern.test(attributes.replace(/"[^"]*"|'[^']*'/gu, '""'));
}

const BODY = /(?:^|\s)data-pagefind-body(?=[\s=/]|$)/u;
/** An attribute through which Pagefind reads something from anywhere in the page, not only its marked parts. */
const ANYWHERE = /(?:^|\s)data-pagefind-(?!body(?=[\s=/]|$)|ignore(?=[\s=/]|$))[\w-]+/u;

/** A tag name as a selector would name it: a word of its own in the selector. */
const namesTag = (selectors: readonly string[], name: string) => {
  const pattern = new RegExp(`(?:^|[\\s>+~,(])${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\w-])`, 'iu');
  return selectors.some((selector) => pattern.test(selector));
};

const END_TAGS = new Map<string, RegExp>();
/** Finds an end tag `name` in any case. */
const endTagPattern = (name: string): RegExp => {
  let pattern = END_TAGS.get(name);
  if (!pattern) END_TAGS.set(name, (pattern = new RegExp(`</${name}(?=[\\s/>])`, 'giu')));
  return pattern;
};

/** An element outside the marked parts, open while the page is read. */
interface Frame {
  name: string;
  /** What is kept of it so far: its start tag, the text directly in it, and the children kept. */
  out: string[];
  /** Whether a marked part lies within it. */
  holdsMarked: boolean;
}

/**
 * The document Pagefind indexes from `html` as it would index `html` itself, when `html` has parts
 * marked `data-pagefind-body` and nothing outside them asks Pagefind to read it; `html` unchanged
 * otherwise.
 *
 * What it keeps follows how Pagefind reads a page (its `fossick/parser.rs`): the text of an element
 * that neither is nor holds a marked part is dropped, tags and all, once the element ends; an
 * element that holds one keeps the marked parts' text, adds its own text that follows them, and
 * ends sentences when it is a block ("harbour." rather than "harbour"). So it keeps the head, the
 * marked parts and every element around them as written, with the text directly in those, and
 * leaves out every other element. It reads the elements outside the marked parts as a tree only when
 * each is closed by its own end tag; a page that leaves one to be closed implicitly is given whole.
 *
 * Pagefind indexes the whole page when its marked parts turn out to hold no text, which depends on
 * what it leaves out (`excludeSelectors`, `data-pagefind-ignore`). So a page is cut only when one
 * marked element surely holds text: text alone, no tags, in an element with no class, id or
 * `data-pagefind-ignore`, whose name no selector of `excludeSelectors` uses. Selectors that look at
 * attributes, siblings or positions (`[`, `*`, `+`, `~`, `:`) could match otherwise once elements
 * are left out: with any of them, every page is given whole.
 */
export function indexedPart(html: string, excludeSelectors: readonly string[] = []): string {
  if (excludeSelectors.some((selector) => /[[*+~:]/u.test(selector))) return html;
  let surelyText = false;
  let marked = false;
  const root: Frame = { name: '', out: [], holdsMarked: true };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1]!;
  /** The marked element being copied: its name, where it starts, how deep its name is nested in it. */
  let open: { name: string; start: number; contentStart: number; depth: number; plain: boolean } | undefined;
  /** Where the first end tag `name` (in any case) from `from` starts, or -1. */
  const endTag = (name: string, from: number) => {
    const pattern = endTagPattern(name);
    pattern.lastIndex = from;
    return pattern.exec(html)?.index ?? -1;
  };
  let text = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at)) {
    const tag = readTag(html, at);
    if (!tag) {
      // A tag cut off (an unclosed comment or quoted value) is read otherwise by a browser: not sure, give it whole.
      if (/^<(?:[!?]|\/?[a-zA-Z])/u.test(html.slice(at, at + 3))) return html;
      // A `<` that opens no tag is text.
      at += 1;
      continue;
    }
    if (!open && at > text) top().out.push(html.slice(text, at));
    at = tag.after;
    text = at;
    if (UNSURE.has(tag.name)) return html;
    if (open) {
      if (tag.name === '') continue;
      if (!tag.end && RAW.has(tag.name)) {
        // Its text, up to its end tag, holds no tags.
        const close = endTag(tag.name, at);
        if (close < 0) return html;
        at = close;
        continue;
      }
      if (tag.name === open.name) {
        // `<div/>` opens a div in HTML; whether a reader takes it so is not sure.
        if (!VOID.has(tag.name) && tag.attributes.trimEnd().endsWith('/')) return html;
        open.depth += tag.end ? -1 : VOID.has(tag.name) ? 0 : 1;
        if (open.depth === 0) {
          top().out.push(html.slice(open.start, tag.after));
          const inner = html.slice(open.contentStart, tag.start);
          if (open.plain && !inner.includes('<') && /\S/u.test(inner)) surelyText = true;
          open = undefined;
          text = at;
        }
      }
      continue;
    }
    // Comments and the doctype are not read; the doctype is written anew.
    if (tag.name === '') continue;
    if (tag.end) {
      const frame = stack.pop();
      // Only an element closed by its own end tag is sure to end where Pagefind ends it.
      if (!frame || frame === root || frame.name !== tag.name) return html;
      if (frame.holdsMarked) top().out.push(...frame.out, html.slice(tag.start, tag.after));
      continue;
    }
    if (tag.name === 'head') {
      // Kept as it is: the page's title is the result's title when no heading gives one.
      const close = endTag('head', at);
      if (close < 0 || html.charCodeAt(close + '</head'.length) !== 62) return html;
      top().out.push(html.slice(tag.start, close + '</head>'.length));
      at = close + '</head>'.length;
      text = at;
      continue;
    }
    if (hasAttribute(tag.attributes, BODY, 'data-pagefind-')) {
      // The whole body marked: nothing to leave out.
      if (tag.name === 'body' || tag.name === 'html') return html;
      marked = true;
      for (const frame of stack) frame.holdsMarked = true;
      if (VOID.has(tag.name)) {
        top().out.push(html.slice(tag.start, tag.after));
        continue;
      }
      const plain = !(/\b(?:class|id)\b/iu.test(tag.attributes) || hasAttribute(tag.attributes, /(?:^|\s)data-pagefind-ignore(?=[\s=/]|$)/u, 'data-pagefind-')) && !namesTag(excludeSelectors, tag.name);
      open = { name: tag.name, start: tag.start, contentStart: tag.after, depth: 1, plain };
      continue;
    }
    // Pagefind reads these attributes wherever they are, and may take a page's title and image
    // from its first heading, title and image: outside the marked parts and the head, the page is given whole.
    if (hasAttribute(tag.attributes, ANYWHERE, 'data-pagefind-') || tag.name === 'h1' || tag.name === 'title' || tag.name === 'img') return html;
    if (VOID.has(tag.name)) {
      top().out.push(html.slice(tag.start, tag.after));
      continue;
    }
    if (tag.attributes.trimEnd().endsWith('/')) return html;
    if (RAW.has(tag.name)) {
      // No element within; what it holds is not read.
      const close = endTag(tag.name, at);
      if (close < 0) return html;
      at = close;
      text = at;
      stack.push({ name: tag.name, out: [], holdsMarked: false });
      continue;
    }
    stack.push({ name: tag.name, out: [html.slice(tag.start, tag.after)], holdsMarked: false });
  }
  if (open || stack.length !== 1 || !marked || !surelyText) return html;
  if (text < html.length) root.out.push(html.slice(text));
  return `<!DOCTYPE html>${root.out.join('')}`;
}

/** An attribute as written: its name, then its value double-quoted, single-quoted or bare, if it has one. */
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gu;

/**
 * `html` with each element whose `id` is a key of `ids` given the id it maps to instead, for the
 * search index's copy of a page. Pagefind records each element's id with its text and word position,
 * so an id can tell the search page more about the element than the page's own id does (see
 * `claimAnchorIds`). Only tags are rewritten: text, comments and the content of raw-text elements
 * stay as written even where they look like an attribute.
 */
export function relabelIds(html: string, ids: ReadonlyMap<string, string>): string {
  if (ids.size === 0) return html;
  const out: string[] = [];
  let copied = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at)) {
    const tag = readTag(html, at);
    if (!tag) {
      at += 1;
      continue;
    }
    at = tag.after;
    if (tag.name === '' || tag.end) continue;
    if (RAW.has(tag.name)) {
      const pattern = endTagPattern(tag.name);
      pattern.lastIndex = at;
      const close = pattern.exec(html);
      if (!close) break;
      at = close.index;
      continue;
    }
    if (!/\bid\b/iu.test(tag.attributes)) continue;
    // The attributes run up to the tag's `>`.
    const attributesStart = tag.after - 1 - tag.attributes.length;
    for (const match of tag.attributes.matchAll(ATTRIBUTE)) {
      if (match[1]!.toLowerCase() !== 'id') continue;
      const value = match[2] ?? match[3] ?? match[4];
      const indexed = value === undefined ? undefined : ids.get(value);
      if (indexed !== undefined) {
        out.push(html.slice(copied, attributesStart + match.index), `id="${indexed.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`);
        copied = attributesStart + match.index + match[0].length;
      }
      // An element's first id is its id.
      break;
    }
  }
  if (copied === 0) return html;
  out.push(html.slice(copied));
  return out.join('');
}
