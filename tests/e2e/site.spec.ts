import { expect, test, type Page } from '@playwright/test';
import { watchProblems } from './watch-page.ts';

interface IncidentDoc {
  sources: Array<{ id: string; outlet: string }>;
}

async function pagesOfSite(page: Page): Promise<string[]> {
  const response = await page.request.get('/incident.json');
  expect(response.ok()).toBe(true);
  const incident = (await response.json()) as IncidentDoc;
  expect(incident.sources.length).toBeGreaterThan(0);
  return ['/', '/compare/', '/sources/', '/about/', ...incident.sources.map((source) => `/sources/${source.id}/`)];
}


test('every page type loads without console errors', async ({ page }) => {
  const problems = watchProblems(page);
  for (const path of await pagesOfSite(page)) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('main h1'), path).toBeVisible();
  }
  const missing = await page.goto('/no-such-page/');
  expect(missing?.status()).toBe(404);
  await expect(page.locator('main h1')).toHaveText('Page not found');
  expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
});

test('a sentence link scrolls to its sentence and highlights it', async ({ page }) => {
  const paths = (await pagesOfSite(page)).filter((path) => path.startsWith('/sources/') && path !== '/sources/');
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto(paths[0] ?? '/');
  const links = page.locator('.article a.s-link');
  const count = await links.count();
  expect(count).toBeGreaterThan(3);
  const last = links.nth(count - 1);
  const href = await last.getAttribute('href');
  expect(href).toMatch(/^#s-/);
  await page.goto(`${paths[0]}${href}`);
  const sentence = page.locator(`[id="${href?.slice(1)}"]`);
  await expect(sentence).toBeInViewport();
  const background = await sentence.evaluate((element) => getComputedStyle(element).backgroundColor);
  const plain = await page.locator('.article .s:not(:target)').first().evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).not.toBe(plain);
});

test('clicking a sentence link without JavaScript changes the address to the sentence', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const paths = (await pagesOfSite(page)).filter((path) => path.startsWith('/sources/') && path !== '/sources/');
  await page.goto(paths[0] ?? '/');
  const link = page.locator('.article a.s-link').nth(1);
  const href = await link.getAttribute('href');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await context.close();
});

test('a 375 px wide viewport has no horizontal scroll on any page', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  for (const path of [...(await pagesOfSite(page)), '/no-such-page/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('a link Parallax removed from an article reads as text, not as a link', async ({ page }) => {
  const paths = (await pagesOfSite(page)).filter((path) => path.startsWith('/sources/') && path !== '/sources/');
  await page.goto(paths[0]!);
  // The markup the article-links step leaves when it drops an address it cannot resolve.
  const colors = await page.evaluate(() => {
    const paragraph = document.querySelector('article.article p:not(.muted)')!;
    const removed = document.createElement('a');
    removed.textContent = 'removed link';
    const kept = document.createElement('a');
    kept.href = 'https://example.org/';
    kept.textContent = 'kept link';
    paragraph.append(removed, kept);
    const color = (element: Element) => getComputedStyle(element).color;
    return { paragraph: color(paragraph), removed: color(removed), kept: color(kept) };
  });
  expect(colors.removed).toBe(colors.paragraph);
  expect(colors.kept).not.toBe(colors.paragraph);
});
