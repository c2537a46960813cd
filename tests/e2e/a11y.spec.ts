/**
 * Accessibility of every page type of the built site: axe-core finds no violation in the light or
 * the dark scheme (with every disclosure closed and then opened, so that hidden parts are checked
 * too), and a keyboard alone reaches every link and control, each with a visible focus indicator.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

interface IncidentDoc {
  sources: Array<{ id: string }>;
  claims: Array<{ text: string }>;
}

/** One page of each type: the timeline, the comparison, the source list, a source, about, search with and without results, and the 404 page. */
async function pageTypes(page: Page): Promise<Array<{ path: string; status: number }>> {
  const incident = (await (await page.request.get('/incident.json')).json()) as IncidentDoc;
  // A word of a claim: its source is found, with its sentences and the claim's questions.
  const word = (incident.claims[0]?.text.match(/\p{L}{5,}/gu) ?? ['report'])[0]!;
  const candidates = ['/', '/compare/', '/sources/', `/sources/${incident.sources[0]?.id}/`, '/about/', '/search/', `/search/?q=${encodeURIComponent(word)}`];
  const found: Array<{ path: string; status: number }> = [];
  // /compare/ and /search/ are recent: test them where the build has them.
  for (const path of candidates) if ((await page.request.get(path)).ok()) found.push({ path, status: 200 });
  found.push({ path: '/no-such-page/', status: 404 });
  return found;
}

function describeViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`),
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violation on any page type in the ${colorScheme} scheme, disclosures closed and open`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    const found: string[] = [];
    for (const { path, status } of await pageTypes(page)) {
      const response = await page.goto(path, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(status);
      if (path.includes('?q=')) await page.locator('.search-sentences').first().waitFor();
      for (const violation of describeViolations(await new AxeBuilder({ page }).analyze())) found.push(`${path}: ${violation}`);
      const closed = await page.locator('details:not([open])').count();
      if (closed) {
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        for (const violation of describeViolations(await new AxeBuilder({ page }).analyze())) found.push(`${path} (details open): ${violation}`);
      }
    }
    expect(found).toEqual([]);
  });
}

interface FocusStyle {
  outline: string;
  shadow: string;
  visible: boolean;
}

test('a keyboard alone reaches every link and control of every page type, each with a visible focus indicator', async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  for (const { path } of await pageTypes(page)) {
    // Scripts (the search page's) may still change what is shown after `load`.
    await page.goto(path, { waitUntil: 'networkidle' });
    if (path.includes('?q=')) await page.locator('.search-sentences').first().waitFor();
    // Every element a reader could activate, as rendered now (scripts have had their turn), and how it looks unfocused.
    const expected = await page.evaluate(() => {
      const selector = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
      const reachable = [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => {
        if ((element as HTMLButtonElement).disabled || element.closest('[inert]')) return false;
        const details = element.closest('details');
        if (details && !details.open && element !== details.querySelector(':scope > summary')) return false;
        return element.checkVisibility({ visibilityProperty: true });
      });
      return reachable.map((element, index) => {
        element.dataset['kbd'] = String(index);
        const style = getComputedStyle(element);
        return { index, html: element.outerHTML.slice(0, 120), outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, shadow: style.boxShadow };
      });
    });
    await page.locator('body').evaluate((body) => {
      (document.activeElement as HTMLElement | null)?.blur();
      body.focus();
    });
    const reached = new Set<number>();
    for (let press = 0; press < expected.length + 5; press++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate((): { index: number | null; html: string; style: FocusStyle } | null => {
        const active = document.activeElement as HTMLElement | null;
        if (!active || active === document.body) return null;
        const style = getComputedStyle(active);
        const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        return {
          index: active.dataset['kbd'] === undefined ? null : Number(active.dataset['kbd']),
          html: active.outerHTML.slice(0, 120),
          style: { outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, shadow: style.boxShadow, visible: outlined || style.boxShadow !== 'none' },
        };
      });
      if (!stop) break;
      if (stop.index === null) {
        problems.push(`${path}: Tab stops on an element that is not visible or not a control: ${stop.html}`);
        continue;
      }
      if (reached.has(stop.index)) break;
      reached.add(stop.index);
      const before = expected[stop.index];
      if (!stop.style.visible || (before && stop.style.outline === before.outline && stop.style.shadow === before.shadow)) {
        problems.push(`${path}: no visible focus indicator on ${stop.html} (focused: ${stop.style.outline} / ${stop.style.shadow})`);
      }
    }
    const stillShown = await page.evaluate((indices) => indices.filter((index) => document.querySelector<HTMLElement>(`[data-kbd="${index}"]`)?.checkVisibility({ visibilityProperty: true })), expected.map((element) => element.index));
    for (const element of expected) if (!reached.has(element.index) && stillShown.includes(element.index)) problems.push(`${path}: Tab never reaches ${element.html}`);
  }
  expect(problems).toEqual([]);
});
