import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageSize {
  /** Path of the page in the site, such as `/compare/`. */
  page: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  /** The page's HTML and the stylesheets it links, each gzipped, added up. */
  gzipWithCssBytes: number;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const STYLESHEET = /<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/giu;
const HREF = /\bhref=["']?([^"'\s>]+)/iu;

/** The size of every HTML page of a built site, as served compressed with the CSS it needs. */
export function pageSizes(outDir: string): PageSize[] {
  const cssGzip = new Map<string, number>();
  const gzipOf = (file: string): number => {
    let size = cssGzip.get(file);
    if (size === undefined) {
      try {
        size = gzipSync(readFileSync(file)).length;
      } catch {
        size = 0;
      }
      cssGzip.set(file, size);
    }
    return size;
  };
  return htmlFiles(outDir).map((file) => {
    const html = readFileSync(file);
    const text = html.toString('utf8');
    const htmlGzipBytes = gzipSync(html).length;
    let css = 0;
    for (const link of text.matchAll(STYLESHEET)) {
      const href = HREF.exec(link[0])?.[1];
      if (!href || /^[a-z]+:/iu.test(href)) continue;
      const target = href.startsWith('/') ? path.join(outDir, href) : path.join(path.dirname(file), href);
      css += gzipOf(target.split(/[?#]/u)[0] ?? target);
    }
    const relative = `/${path.relative(outDir, file).split(path.sep).join('/')}`;
    const page = relative.endsWith('/index.html') ? relative.slice(0, -'index.html'.length) : relative;
    return { page, htmlBytes: html.length, htmlGzipBytes, gzipWithCssBytes: htmlGzipBytes + css };
  });
}
