import type { BlockContent, Paragraph, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { directiveToMarkdown } from 'mdast-util-directive';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { BodyBlock, BodySection } from './wrap-revisions.ts';

/**
 * Writes the article's sections as Markdown in the content format: paragraphs, `##` headings,
 * converted HTML blocks as they are, and `:::update[label]{at=…}` / `:::original[label]` blocks.
 * Text is escaped only where Markdown would read it as syntax, so it renders as printed.
 */

function toNode(block: BodyBlock): RootContent {
  if (block.node) return block.node;
  const children = [{ type: 'text' as const, value: block.text }];
  if (block.role === 'item') return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] };
  return block.role === 'heading' ? { type: 'heading', depth: 2, children } : { type: 'paragraph', children };
}

/** Consecutive list items become one list. */
function toNodes(blocks: readonly BodyBlock[]): RootContent[] {
  const nodes: RootContent[] = [];
  for (const block of blocks) {
    const node = toNode(block);
    const last = nodes[nodes.length - 1];
    if (node.type !== 'listItem') nodes.push(node);
    else if (last?.type === 'list') last.children.push(node);
    else nodes.push({ type: 'list', ordered: false, spread: false, children: [node] });
  }
  return nodes;
}

function toDirective(section: Extract<BodySection, { kind: 'update' | 'original' }>): ContainerDirective {
  const label: Paragraph = { type: 'paragraph', data: { directiveLabel: true }, children: [{ type: 'text', value: section.label }] };
  return {
    type: 'containerDirective',
    name: section.kind,
    attributes: section.kind === 'update' ? { at: section.at } : {},
    children: [label, ...(toNodes(section.blocks) as BlockContent[])],
  };
}

export function buildBody(sections: readonly BodySection[]): string {
  const tree: Root = {
    type: 'root',
    children: sections.flatMap((section) => (section.kind === 'plain' ? toNodes(section.blocks) : [toDirective(section)])),
  };
  const processor = unified()
    .data('toMarkdownExtensions', [directiveToMarkdown({ preferUnquoted: true })])
    .use(remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-' });
  return processor.stringify(tree);
}
