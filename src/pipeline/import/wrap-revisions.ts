import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { KeptBlock } from './clean-blocks.ts';
import { announcesOriginal, recognizeRevisionMarker } from './recognize-revision-marker.ts';
import type { StatedDate } from './types.ts';

/**
 * Groups the article's blocks by the revision markers it prints, so the text an update introduced
 * is dated by the update. An update ends at the next marker or at a line that announces the
 * original text ("The original article follows:"); an original runs to the next marker or the end.
 * An update that nothing ends runs to the end of the article when it is printed in the article's
 * second half (a postscript), and covers its own paragraph when printed at the top (a note).
 */

export interface BodyBlock {
  line: number;
  role: 'paragraph' | 'heading' | 'item' | 'node';
  /** The block's plain text. */
  text: string;
  /** Converted node of an HTML page. */
  node?: RootContent;
}

export type BodySection =
  | { kind: 'plain'; blocks: BodyBlock[] }
  | { kind: 'update'; label: string; at: string; blocks: BodyBlock[] }
  | { kind: 'original'; label: string; blocks: BodyBlock[] };

export interface WrappedRevisions {
  sections: BodySection[];
  /** The dates of the update markers, oldest first, without repeats. */
  updates: StatedDate[];
  /** The date the original-article marker states. */
  original?: StatedDate;
  warnings: string[];
}

interface Marker {
  index: number;
  kind: 'update' | 'original';
  label: string;
  at?: string;
}

function toBodyBlock(kept: KeptBlock): BodyBlock {
  const { block, role } = kept;
  return { line: block.line, role, text: block.text, ...(role === 'node' && block.node ? { node: block.node } : {}) };
}

/** Removes the first `length` characters of a paragraph's text, through emphasis and links. */
function dropLeadingText(children: PhrasingContent[], length: number): { children: PhrasingContent[]; left: number } {
  let left = length;
  const out: PhrasingContent[] = [];
  for (const child of children) {
    if (left <= 0) {
      out.push(child);
      continue;
    }
    if (child.type === 'text' || child.type === 'inlineCode') {
      const rest = child.value.slice(left);
      left -= child.value.length - rest.length;
      if (rest.trim()) out.push({ ...child, value: left <= 0 ? rest.replace(/^\s+/, '') : rest });
    } else if ('children' in child) {
      const inner = dropLeadingText(child.children as PhrasingContent[], left);
      left = inner.left;
      if (inner.children.length) out.push({ ...child, children: inner.children } as PhrasingContent);
    } else out.push(child);
  }
  return { children: out, left };
}

function withoutMarker(block: BodyBlock, label: string, rest: string): BodyBlock | undefined {
  if (!rest) return undefined;
  if (block.node?.type === 'paragraph') {
    const offset = block.text.indexOf(label) + label.length;
    const node: Paragraph = { ...block.node, children: dropLeadingText(block.node.children, offset).children };
    return { ...block, node };
  }
  return { ...block, text: rest };
}

export interface WrapRevisionsOptions {
  /** The publication date, for markers printed without a year (default none). */
  reference?: string;
  /** What `InputBlock.line` counts, for the warnings (default `line`). */
  unit?: 'line' | 'block';
  /**
   * The one revision the page's header states ("Updated 17 September 2025, 11:05"): it dates the
   * article's update marker when the article prints exactly one, without a date ("Update: …").
   */
  revision?: string;
}

export function wrapRevisions(kept: readonly KeptBlock[], options: WrapRevisionsOptions = {}): WrappedRevisions {
  const { reference } = options;
  const unit = options.unit ?? 'line';
  const blocks = kept.map(toBodyBlock);
  const texts = kept.map((item) => item.block.text);
  const warnings: string[] = [];
  const markers: Marker[] = [];
  const rests = new Map<number, string>();
  const isParagraph = (item: KeptBlock) => item.role === 'paragraph' || item.block.node?.type === 'paragraph';
  const found = kept.map((item) => (isParagraph(item) ? recognizeRevisionMarker(item.block.text, reference) : undefined));
  const updateMarkers = found.filter((marker) => marker?.kind === 'update');
  // One undated marker, one revision in the header: the marker's text is that revision's.
  const lone = options.revision && updateMarkers.length === 1 && !updateMarkers[0]!.at ? updateMarkers[0] : undefined;
  kept.forEach((item, index) => {
    let marker = found[index];
    if (!marker) return;
    if (marker === lone) marker = { ...marker, at: options.revision! };
    if (marker.kind === 'update' && !marker.at) {
      warnings.push(`${unit} ${item.block.line}: the update marker “${marker.label}” states no date, so its text stays dated by the publication; wrap it in \`:::update[${marker.label}]{at=…}\` by hand if the date is known`);
      return;
    }
    markers.push({ index, kind: marker.kind, label: marker.label, ...(marker.at ? { at: marker.at } : {}) });
    rests.set(index, marker.rest);
  });

  const paragraphs = kept.map((item) => item.role !== 'heading' && item.block.node?.type !== 'heading');
  const sections: BodySection[] = [];
  let plain: BodyBlock[] = [];
  const flush = () => {
    if (plain.length) sections.push({ kind: 'plain', blocks: plain });
    plain = [];
  };
  let index = 0;
  let updates: StatedDate[] = [];
  let original: StatedDate | undefined;
  while (index < blocks.length) {
    const markerAt = markers.findIndex((marker) => marker.index === index);
    const marker = markers[markerAt];
    if (!marker) {
      plain.push(blocks[index]!);
      index++;
      continue;
    }
    flush();
    const nextMarker = markers[markerAt + 1]?.index ?? blocks.length;
    let end = nextMarker;
    if (marker.kind === 'update') {
      const announcement = texts.findIndex((text, i) => i > index && i < nextMarker && announcesOriginal(text));
      if (announcement >= 0) end = announcement;
      else if (nextMarker === blocks.length) {
        const before = paragraphs.slice(0, index).filter(Boolean).length;
        const total = paragraphs.filter(Boolean).length;
        if (before < total / 2) {
          end = index + (rests.get(index) ? 1 : 2);
          if (end < blocks.length) {
            warnings.push(`${unit} ${kept[index]!.block.line}: the update “${marker.label}” is taken to cover only its own paragraph, since nothing marks where it ends; move the closing \`:::\` if it covers more`);
          }
        }
      }
    }
    const first = withoutMarker(blocks[index]!, marker.label, rests.get(index) ?? '');
    const inside = [...(first ? [first] : []), ...blocks.slice(index + 1, end)];
    const from = `${unit} ${kept[index]!.block.line}: “${marker.label}”`;
    if (marker.kind === 'update' && marker.at) {
      sections.push({ kind: 'update', label: marker.label, at: marker.at, blocks: inside });
      if (!updates.some((update) => update.value === marker.at)) updates.push({ value: marker.at, from });
    } else {
      sections.push({ kind: 'original', label: marker.label, blocks: inside });
      if (marker.at && !original) original = { value: marker.at, from };
    }
    index = end;
  }
  flush();
  updates = updates.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { sections, updates, ...(original ? { original } : {}), warnings };
}
