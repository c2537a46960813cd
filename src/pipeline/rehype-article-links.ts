import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface RehypeArticleLinksOptions {
  /** The article's own address (`url` in its frontmatter): relative links and images resolve against it. */
  base?: string | undefined;
  /** Prefix the sanitizer puts on ids from the article. @default 'user-content-' */
  idPrefix?: string;
}

const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;

function resolve(value: string, base: string | undefined): string | undefined {
  if (ABSOLUTE.test(value)) return value;
  if (!base) return undefined;
  try {
    return new URL(value, base).href;
  } catch {
    return undefined;
  }
}

/**
 * Makes the links and images of an article work where Parallax publishes it, not where the outlet did:
 *
 * - a relative link (`/news/other-story`) resolves against the article's `url`; without one it
 *   would point into this site, so the link is removed and its text kept;
 * - a fragment link (`#section`) points at the id the sanitizer gave that element, or is removed
 *   when the article has no such element;
 * - an image becomes a link to it, labelled with its alt text: the page's security policy loads no
 *   image from other sites, which would otherwise show as a broken image.
 *
 * Runs after sentence anchoring, so the text it adds (an image's label) is never part of a sentence.
 * Each removal is reported as a file message (`article-link`), so it can be reviewed.
 */
export default function rehypeArticleLinks(options: RehypeArticleLinksOptions = {}) {
  const prefix = options.idPrefix ?? 'user-content-';
  return function transform(tree: Root, file: VFile) {
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      const id = node.properties?.['id'];
      if (typeof id === 'string') ids.add(id);
    });
    const report = (node: Element, reason: string) => {
      const message = file.message(reason, node);
      message.ruleId = 'article-link';
      message.source = 'parallax';
    };
    visit(tree, 'element', (node, index, parent): number | undefined => {
      if (node.tagName === 'a' && typeof node.properties?.['href'] === 'string') {
        const href = node.properties['href'];
        if (href.startsWith('#')) {
          const target = decodeURIComponent(href.slice(1));
          if (ids.has(target)) return undefined;
          if (ids.has(prefix + target)) node.properties['href'] = `#${prefix}${target}`;
          else {
            delete node.properties['href'];
            report(node, `link to “${href}” removed: the article has no such element`);
          }
          return undefined;
        }
        const absolute = resolve(href, options.base);
        if (absolute) node.properties['href'] = absolute;
        else {
          delete node.properties['href'];
          report(node, `relative link “${href}” removed: add the article's \`url\` to resolve it`);
        }
        return undefined;
      }
      if (node.tagName === 'img' && parent && index !== undefined) {
        const src = typeof node.properties?.['src'] === 'string' ? node.properties['src'] : '';
        const alt = typeof node.properties?.['alt'] === 'string' ? node.properties['alt'].trim() : '';
        if (!src && !alt) {
          // Nothing to show or link to (the sanitizer removed an unsafe address): a browser would show nothing either.
          parent.children.splice(index, 1);
          return index;
        }
        const label = alt ? `Image: ${alt}` : 'Image';
        const absolute = src && !src.startsWith('data:') ? resolve(src, options.base) : undefined;
        const replacement: Element = absolute
          ? { type: 'element', tagName: 'a', properties: { href: absolute, className: ['article-image'], rel: ['noopener', 'noreferrer'] }, children: [{ type: 'text', value: `[${label}]` }] }
          : { type: 'element', tagName: 'span', properties: { className: ['article-image'] }, children: [{ type: 'text', value: `[${label}]` }] };
        if (!absolute && src) report(node, `image “${src.slice(0, 80)}” cannot be linked: add the article's \`url\` to resolve it`);
        parent.children[index] = replacement;
      }
      return undefined;
    });
  };
}
