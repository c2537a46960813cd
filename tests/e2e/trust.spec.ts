/**
 * No execution, proven in Chromium: the hostile corpus (tests/trust/corpus.ts) is built into a site of
 * its own, served with its _headers by a local static server, and every page is opened. A payload
 * that ever ran would open a dialog, set window.__pwned, retitle the page or request /__pwned.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../scripts/serve-static.ts';
import { buildSite, scratchDir } from '../trust/build-site.ts';
import { BEACON, PWNED_TITLE, writeHostileFolder, type HostileFolder } from '../trust/corpus.ts';

test.describe.configure({ mode: 'serial' });

let work: string;
let folder: HostileFolder;
let server: StaticServer;
let pages: string[];

test.beforeAll(async () => {
  test.setTimeout(15 * 60_000);
  work = scratchDir('hostile-e2e');
  folder = writeHostileFolder(path.join(work, 'content'));
  const dist = path.join(work, 'dist');
  const build = buildSite(path.join(work, 'content'), dist, path.join(work, 'cache'));
  expect(build.status, build.output.slice(-3000)).toBe(0);
  server = await serveStatic({ root: dist });
  pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => `/${name.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
  pages.push('/no-such-page/');
});

test.afterAll(async () => {
  await server?.close();
  if (work && !process.env['PARALLAX_KEEP_TRUST']) rmSync(work, { recursive: true, force: true });
});

interface Watch {
  problems: string[];
}

/**
 * Collects every sign of execution or injection on one context's pages. Images that fail to load are
 * expected (CommonMark's `![foo](/url)` points nowhere, and the policy refuses images from other
 * sites); anything else the console reports as an error is a problem.
 */
async function watch(context: BrowserContext): Promise<Watch> {
  const result: Watch = { problems: [] };
  await context.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  context.on('request', (request) => {
    if (request.url().includes(BEACON)) result.problems.push(`request to ${request.url()} from ${request.frame().url()}`);
  });
  context.on('page', (page) => observe(page, result));
  return result;
}

function observe(page: Page, result: Watch): void {
  page.on('dialog', (dialog) => {
    result.problems.push(`${page.url()}: a ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => result.problems.push(`${page.url()}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/^Failed to load resource: the server responded with a status of 404/.test(text) && !text.includes(BEACON)) return;
    if (/^Refused to load the image .* violates the following Content Security Policy directive: "img-src/.test(text)) return;
    result.problems.push(`${page.url()}: console error: ${text}`);
  });
}

/** Opens every path, two tabs at a time, and records what a payload would have changed. */
async function visitAll(context: BrowserContext, paths: string[], result: Watch, poke: (path: string) => boolean): Promise<void> {
  const queue = [...paths];
  const tabs = await Promise.all([context.newPage(), context.newPage()]);
  await Promise.all(
    tabs.map(async (page) => {
      for (let pathname = queue.shift(); pathname !== undefined; pathname = queue.shift()) await visit(page, pathname, result, poke(pathname));
    }),
  );
}

async function visit(page: Page, pathname: string, result: Watch, poked: boolean): Promise<void> {
  const response = await page.goto(`${server.url}${pathname}`, { waitUntil: 'load' });
  if (!response || response.status() !== (pathname === '/no-such-page/' ? 404 : 200)) {
    result.problems.push(`${pathname}: status ${response?.status()}`);
  }
  if (poked) await pokeArticle(page);
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    title: document.title,
    violations: (window as unknown as { __violations?: string[] }).__violations ?? [],
  }));
  if (state.pwned !== undefined) result.problems.push(`${pathname}: window.__pwned was set`);
  if (state.title === PWNED_TITLE) result.problems.push(`${pathname}: the title was changed`);
  for (const violation of state.violations) if (!violation.startsWith('img-src')) result.problems.push(`${pathname}: policy violation: ${violation}`);
}

/** Fires the events payload handlers wait for (hover, focus, toggle, load, error) on every element of the article. */
async function pokeArticle(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('article.article *')) {
      for (const type of ['mouseover', 'mouseenter', 'pointerover', 'focus', 'focusin', 'toggle', 'load', 'error', 'animationstart', 'begin']) {
        element.dispatchEvent(new Event(type, { bubbles: type !== 'focus' && type !== 'mouseenter' }));
      }
      if (element instanceof HTMLDetailsElement) element.open = true;
    }
  });
  await page.waitForTimeout(20);
}

test('no page of the hostile site runs, loads or shows injected code under its own policy', async ({ browser }) => {
  test.setTimeout(15 * 60_000);
  expect(pages.length).toBeGreaterThan(folder.ids.length);
  const context = await browser.newContext();
  const result = await watch(context);
  await visitAll(context, pages, result, (pathname) => folder.payloadIds.some((id) => pathname === `/sources/${id}/`));
  await context.close();
  expect(result.problems).toEqual([]);
  expect(server.requests.filter((request) => request.includes(BEACON))).toEqual([]);
  console.info(`opened ${pages.length} pages of the hostile site`);
});

test('sanitizing alone stops every payload: the same pages with the policy switched off', async ({ browser }) => {
  test.setTimeout(15 * 60_000);
  const context = await browser.newContext({ bypassCSP: true });
  const result = await watch(context);
  await visitAll(context, pages, result, (pathname) => folder.payloadIds.some((id) => pathname === `/sources/${id}/`));
  await context.close();
  expect(result.problems).toEqual([]);
  expect(server.requests.filter((request) => request.includes(BEACON))).toEqual([]);
});

test('the site is served with its policy, no sniffing, a referrer policy, and refuses to be framed', async ({ page }) => {
  const response = await page.request.get(`${server.url}/`);
  const headers = response.headers();
  expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(headers['content-security-policy']).toMatch(/script-src 'self'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');

  // A page of no origin of the site's tries to frame it; only the site's frame-ancestors can refuse.
  await page.setContent(`<iframe src="${server.url}/about/"></iframe>`);
  await expect.poll(() => page.frames().length).toBe(2);
  const frame = page.frames()[1];
  await expect.poll(async () => frame?.url()).toMatch(/^chrome-error:/);
});
