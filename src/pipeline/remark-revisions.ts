import type { Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface RemarkRevisionsOptions {
  /**
   * The `at` values of the article's `updated` entries; every `:::update{at=…}` block must name one.
   * @default []
   */
  updates?: readonly string[];
}

/**
 * Turns the article's revision markers into sections the rest of the pipeline can date:
 *
 *     :::update[Update, March 22, 2019 (1:50AM):]{at=2019-03-22T01:50}
 *     …the text the update added…
 *     :::
 *
 * `:::original[…]` marks text that keeps the publication date. The label is the marker as the
 * article printed it and is kept verbatim. Directive syntax that is not a revision (`:name` in
 * running text) is put back as the literal text it was written as, so no text is ever lost.
 */
export default function remarkRevisions(options: RemarkRevisionsOptions = {}) {
  const updates = new Set(options.updates ?? []);
  return function transform(tree: Root, file: VFile) {
    const source = String(file.value);
    visit(tree, (node, index, parent): [typeof SKIP, number] | undefined => {
      if (node.type === 'textDirective' || node.type === 'leafDirective') {
        if (!parent || index === undefined) return undefined;
        parent.children.splice(index, 1, literal(node, source) as never);
        return [SKIP, index + 1];
      }
      if (node.type !== 'containerDirective') return undefined;
      const directive = node as ContainerDirective;
      if (directive.name !== 'update' && directive.name !== 'original') {
        const message = file.message(`Unknown block \`:::${directive.name}\`: use \`:::update[label]{at=…}\` for a revision or \`:::original[label]\` for the original text`, {
          place: directive.position,
          ruleId: 'unknown-block',
          source: 'parallax',
        });
        message.fatal = true;
        return undefined;
      }
      const at = directive.attributes?.['at']?.trim();
      if (directive.name === 'update') {
        if (!at) {
          const message = file.message('An `:::update` block needs the time of the revision: `:::update[label]{at=2019-03-22}`, matching an entry of `updated`', {
            place: directive.position,
            ruleId: 'update-without-date',
            source: 'parallax',
          });
          message.fatal = true;
        } else if (!updates.has(at)) {
          const known = [...updates].join(', ') || 'none';
          const message = file.message(`\`:::update{at=${at}}\` matches no entry of \`updated\` in the frontmatter (known: ${known}): add \`- at: ${at}\` there or correct the block`, {
            place: directive.position,
            ruleId: 'unknown-update',
            source: 'parallax',
          });
          message.fatal = true;
        }
      }
      directive.data = {
        ...directive.data,
        hName: 'section',
        hProperties: { className: ['revision'], dataRevision: directive.name === 'update' ? (at ?? '') : 'original' },
      };
      const first = directive.children[0];
      if (first && first.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) {
        first.data = {
          ...first.data,
          hName: 'p',
          hProperties: { className: ['revision-label'], dataNoSentences: '' },
        };
      }
      return undefined;
    });
  };
}

function literal(node: TextDirective | LeafDirective, source: string) {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const value = start !== undefined && end !== undefined ? source.slice(start, end) : `:${node.name}`;
  if (node.type === 'leafDirective') return { type: 'paragraph', children: [{ type: 'text', value }], position: node.position };
  return { type: 'text', value, position: node.position };
}
