/**
 * A small static server for a built site, as a static host serves it: `dir/` → `dir/index.html`,
 * `/dir` → 301 to `/dir/`, a missing page → `404.html` with status 404, and the response headers
 * of `_headers` (the Netlify and Cloudflare Pages format) applied, so that tests see the site's
 * Content-Security-Policy as a header as well as in the page.
 *
 *     node scripts/serve-static.ts [dist] [--port 4410]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

export interface HeaderRule {
  /** A path, where `*` matches any run of characters. */
  pattern: string;
  headers: Array<[string, string]>;
}

/** The rules of a `_headers` file: a path on its own line, then indented `Name: value` lines. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules[rules.length - 1];
    if (rule && colon > 0) rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

function matches(pattern: string, pathname: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(pathname);
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Every path requested, in order (tests look for requests no page should make). */
  requests: string[];
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** The built site. */
  root: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

/** Serves `root` on the loopback interface until `close()`. */
export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const headersFile = path.join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
  const requests: string[] = [];

  const send = (response: ServerResponse, pathname: string, status: number, file: string, method: string) => {
    for (const rule of rules) if (matches(rule.pattern, pathname)) for (const [name, value] of rule.headers) response.setHeader(name, value);
    response.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    const body = readFileSync(file);
    response.setHeader('Content-Length', body.length);
    response.writeHead(status);
    response.end(method === 'HEAD' ? undefined : body);
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const local = path.join(root, ...pathname.split('/').filter(Boolean));
    // Nothing outside the site, and not the host's own configuration file.
    if (!local.startsWith(root) || pathname === '/_headers') {
      response.writeHead(404).end();
      return;
    }
    const stat = existsSync(local) ? statSync(local) : undefined;
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = path.join(local, 'index.html');
      if (existsSync(index)) return send(response, pathname, 200, index, request.method ?? 'GET');
    } else if (stat?.isFile()) {
      return send(response, pathname, 200, local, request.method ?? 'GET');
    }
    const notFound = path.join(root, '404.html');
    if (existsSync(notFound)) return send(response, pathname, 404, notFound, request.method ?? 'GET');
    response.writeHead(404).end();
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args.splice(portAt, 2)[1]) : 0;
  const server = await serveStatic({ root: args[0] ?? 'dist', port });
  console.log(`Serving ${args[0] ?? 'dist'} at ${server.url}/ (Ctrl-C stops)`);
}
