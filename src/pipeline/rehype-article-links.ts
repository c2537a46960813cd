import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';

export interface RehypeArticleLinksOptions {
  /** The article's own address (`url` in its frontmatter): relative links and images resolve against it. */
  base?: string | undefined;
  /** Prefix the sanitizer puts on ids from the article. @default 'user-content-' */
  idPrefix?: string;
}

const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;
const WEB = /^https?:/i;
/** An article's links lead to other sites: the page they open gets neither this window nor the address it came from. */
const EXTERNAL_REL = ['noopener', 'noreferrer'] as const;

/** A fragment as the id it names; one that is not valid percent-encoding names itself. */
function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

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
 * - a link to the web (http or https) gets `rel="noopener noreferrer"`;
 * - a fragment link (`#section`) points at the id the sanitizer gave that element, or is removed
 *   when the article has no such element;
 * - an image becomes a link to it, labelled with its alt text: the page's security policy loads no
 *   image from other sites, which would otherwise show as a broken image. Inside a link it becomes
 *   the label alone, as a link may not hold another.
 *
 * Runs after sentence anchoring, so the text it adds (an image's label) is never part of a sentence.
 * Each removal is reported as a file message (`article-link`), so it can be reviewed.
 */
export default function rehypeArticleLinks(options: RehypeArticleLinksOptions = {}) {
  const prefix = options.idPrefix ?? 'user-content-';
  return function transform(tree: Root, file: VFile) {
    // Every id of the article as the sanitizer left it, before any image is replaced: a fragment
    // link to an image's id stays a link.
    const ids = new Set<string>();
    const gather = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const id = child.properties['id'];
        if (typeof id === 'string') ids.add(id);
        gather(child);
      }
    };
    gather(tree);
    const report = (node: Element, reason: string) => {
      const message = file.message(reason, node);
      message.ruleId = 'article-link';
      message.source = 'parallax';
    };
    const link = (node: Element, href: string) => {
      if (href.startsWith('#')) {
        const target = decoded(href.slice(1));
        if (ids.has(target)) return;
        if (ids.has(prefix + target)) node.properties['href'] = `#${prefix}${target}`;
        else {
          delete node.properties['href'];
          report(node, `link to “${href}” removed: the article has no such element`);
        }
        return;
      }
      const absolute = resolve(href, options.base);
      if (absolute) {
        node.properties['href'] = absolute;
        if (WEB.test(absolute)) node.properties['rel'] = [...EXTERNAL_REL];
      } else {
        delete node.properties['href'];
        report(node, `relative link “${href}” removed: add the article's \`url\` to resolve it`);
      }
    };
    /**
     * The image as a link to it, or as a label inside a link (a link may not hold another) or when
     * it cannot be linked; `undefined` when there is nothing to show or link to.
     */
    const image = (node: Element, inLink: boolean): Element | undefined => {
      const src = typeof node.properties['src'] === 'string' ? node.properties['src'] : '';
      const alt = typeof node.properties['alt'] === 'string' ? node.properties['alt'].trim() : '';
      // Nothing to show or link to (the sanitizer removed an unsafe address): a browser would show nothing either.
      if (!src && !alt) return undefined;
      const label = alt ? `Image: ${alt}` : 'Image';
      const absolute = src && !src.startsWith('data:') && !inLink ? resolve(src, options.base) : undefined;
      if (!absolute && src && !inLink) report(node, `image “${src.slice(0, 80)}” cannot be linked: add the article's \`url\` to resolve it`);
      // The image's id goes with it, so that a fragment link to the image still lands on it.
      const id = typeof node.properties['id'] === 'string' ? { id: node.properties['id'] } : {};
      return absolute
        ? { type: 'element', tagName: 'a', properties: { ...id, href: absolute, className: ['article-image'], rel: [...EXTERNAL_REL] }, children: [{ type: 'text', value: `[${label}]` }] }
        : { type: 'element', tagName: 'span', properties: { ...id, className: ['article-image'] }, children: [{ type: 'text', value: `[${label}]` }] };
    };
    // In document order, as the messages are; a replaced image is not entered, a link's content is.
    const walk = (parent: Root | Element, inLink: boolean) => {
      const children = parent.children;
      for (let index = 0; index < children.length; index++) {
        const node = children[index]!;
        if (node.type !== 'element') continue;
        if (node.tagName === 'a' && typeof node.properties['href'] === 'string') link(node, node.properties['href']);
        else if (node.tagName === 'img') {
          const replacement = image(node, inLink);
          if (replacement) children[index] = replacement;
          else children.splice(index--, 1);
          continue;
        }
        walk(node, inLink || node.tagName === 'a');
      }
    };
    walk(tree, false);
  };
}
