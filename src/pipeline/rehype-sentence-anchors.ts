import type { Element, ElementContent, Root, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { segmentSentences } from './segment-sentences.ts';
import { sentenceId } from './sentence-id.ts';
import type { Sentence } from './types.ts';

export interface RehypeSentenceAnchorsOptions {
  /** Prefix of every sentence id. @default 's-' */
  prefix?: string;
  /** Locale for sentence segmentation. @default 'en' */
  locale?: string;
  /** Add a visible link to each sentence, so its address can be copied without JavaScript. @default true */
  links?: boolean;
}

/** Phrasing content: these never start a new block of text. */
const INLINE = new Set(
  'a abbr b bdi bdo br cite code data del dfn em i img input ins kbd mark q s samp small span strong sub sup time u var wbr'.split(' '),
);
/** Never segmented: code and non-text containers keep their content as it is. */
const OPAQUE = new Set(['pre', 'script', 'style', 'template', 'svg', 'math', 'textarea']);

interface Span {
  start: number;
  end: number;
  id: string;
}

interface State {
  spans: Span[];
  /** Ids already placed on an element (the first piece of a sentence carries the id). */
  placed: Set<string>;
  linked: Set<string>;
  links: boolean;
}

const textLength = (node: ElementContent): number =>
  node.type === 'text' ? node.value.length : node.type === 'element' ? (node.tagName === 'br' ? 1 : toString(node).length) : 0;

const plainText = (nodes: ElementContent[]): string =>
  nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? (node.tagName === 'br' ? '\n' : toString(node)) : '')).join('');

function wrapper(span: Span, state: State, children: ElementContent[]): Element {
  const first = !state.placed.has(span.id);
  state.placed.add(span.id);
  return {
    type: 'element',
    tagName: 'span',
    properties: first ? { id: span.id, className: ['s'], dataS: span.id } : { className: ['s'], dataS: span.id },
    children,
  };
}

function link(span: Span): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: `#${span.id}`, className: ['s-link'], ariaLabel: 'Link to this sentence' },
    children: [{ type: 'text', value: '#' }],
  };
}

/**
 * Splits `nodes` (whose text starts at `base` in the block) so that every sentence's text sits in
 * `span.s` wrappers. A sentence crossing an inline element is wrapped in pieces that share
 * `data-s`; the first piece carries the id.
 */
function split(nodes: ElementContent[], base: number, state: State, top: boolean): ElementContent[] {
  const out: ElementContent[] = [];
  let group: { span: Span; children: ElementContent[] } | undefined;
  const flush = () => {
    if (group) out.push(wrapper(group.span, state, group.children));
    group = undefined;
  };
  const put = (span: Span | undefined, node: ElementContent) => {
    if (!span) {
      flush();
      out.push(node);
      return;
    }
    if (group?.span !== span) {
      flush();
      group = { span, children: [] };
    }
    group.children.push(node);
  };
  const linkEnded = (upTo: number) => {
    if (!top || !state.links) return;
    if (group && group.span.end <= upTo) flush();
    for (const span of state.spans) {
      if (span.end <= upTo && !state.linked.has(span.id) && state.placed.has(span.id)) {
        flush();
        state.linked.add(span.id);
        out.push(link(span));
      }
    }
  };
  const spanAt = (offset: number) => state.spans.find((span) => span.start <= offset && offset < span.end);

  let offset = base;
  for (const node of nodes) {
    const length = textLength(node);
    const end = offset + length;
    if (node.type === 'text') {
      const cuts = new Set<number>([offset, end]);
      for (const span of state.spans) {
        if (span.start > offset && span.start < end) cuts.add(span.start);
        if (span.end > offset && span.end < end) cuts.add(span.end);
      }
      const points = [...cuts].sort((a, b) => a - b);
      for (let i = 0; i < points.length - 1; i++) {
        const from = points[i] ?? offset;
        const to = points[i + 1] ?? end;
        const piece: Text = { type: 'text', value: node.value.slice(from - offset, to - offset) };
        put(spanAt(from), piece);
        linkEnded(to);
      }
    } else if (node.type === 'element' && length > 0 && node.tagName !== 'br') {
      const inside = state.spans.find((span) => span.start <= offset && end <= span.end);
      const crossing = state.spans.some((span) => (span.start > offset && span.start < end) || (span.end > offset && span.end < end));
      if (inside && !crossing) put(inside, node);
      else {
        put(undefined, { ...node, children: split(node.children, offset, state, false) });
      }
      linkEnded(end);
    } else {
      put(length > 0 ? spanAt(offset) : group?.span && group.span.end > offset ? group.span : undefined, node);
    }
    offset = end;
  }
  flush();
  linkEnded(offset);
  return out;
}

/** Sentence segmenters by locale. Making one costs more than segmenting an article; each `segment` call iterates on its own, so one serves every article. */
const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    // An invalid locale throws here, as it did when every article made its own.
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/**
 * Gives every sentence of an article a stable anchor: `<span class="s" id="s-…">`.
 * The sentences found are stored on `file.data.sentences` in document order.
 */
export default function rehypeSentenceAnchors(options: RehypeSentenceAnchorsOptions = {}) {
  const prefix = options.prefix ?? 's-';
  const locale = options.locale ?? 'en';
  const links = options.links ?? true;
  return function transform(tree: Root, file: VFile) {
    const sentences: Sentence[] = [];
    const counts = new Map<string, number>();
    let block = 0;
    let segmenter: Intl.Segmenter | undefined;

    const segmentRun = (nodes: ElementContent[], blockType: string, update: string | undefined): ElementContent[] => {
      const text = plainText(nodes);
      if (!text.trim()) return nodes;
      const line = nodes.find((node) => node.position)?.position?.start.line;
      segmenter ??= sentenceSegmenter(locale);
      const spans: Span[] = segmentSentences(text, { locale, segmenter }).map((span) => {
        // Replaced even where a test would show nothing to change: the replacement builds a new string
        // of one byte a character where the text allows, whereas a slice of a block that holds any
        // character beyond Latin-1 keeps two bytes a character, and every later search of it pays.
        const normalized = span.text.replace(/\s+/g, ' ');
        let id = sentenceId(normalized, prefix);
        const seen = counts.get(id) ?? 0;
        counts.set(id, seen + 1);
        if (seen) id = `${id}-${seen + 1}`;
        sentences.push({ id, text: normalized, block, blockType, ...(update ? { update } : {}), ...(line ? { line } : {}) });
        return { start: span.start, end: span.end, id };
      });
      block++;
      return split(nodes, 0, { spans, placed: new Set(), linked: new Set(), links }, true);
    };

    const walk = (parent: Root | Element, update: string | undefined) => {
      const blockType = parent.type === 'root' ? 'p' : parent.tagName;
      const children = parent.children as ElementContent[];
      const result: ElementContent[] = [];
      let run: ElementContent[] = [];
      const endRun = () => {
        if (run.length) result.push(...segmentRun(run, blockType, update));
        run = [];
      };
      for (const child of children) {
        const inline = child.type === 'text' || (child.type === 'element' && INLINE.has(child.tagName));
        if (inline && parent.type === 'element') {
          run.push(child);
          continue;
        }
        endRun();
        if (child.type === 'element' && !OPAQUE.has(child.tagName) && child.properties?.['dataNoSentences'] === undefined) {
          const revision = child.properties?.['dataRevision'];
          walk(child, typeof revision === 'string' && revision !== 'original' ? revision : revision === 'original' ? undefined : update);
        }
        result.push(child);
      }
      endRun();
      parent.children = result as typeof parent.children;
    };
    walk(tree, undefined);
    file.data['sentences'] = sentences;
  };
}
