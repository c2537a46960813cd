import { expect, test } from '@playwright/test';
import { INLINE_MENTIONS } from '../../src/lib/site-pages.ts';

interface Incident {
  sources: Array<{ id: string; outlet: string }>;
  events: Array<{ id: string; date: string; mentions: Array<{ source: string; anchor: string; text: string }> }>;
}

test('the timeline shows every event in date order with a badge per reporting outlet', async ({ page }) => {
  const incident = (await (await page.request.get('/incident.json')).json()) as Incident;
  expect(incident.events.length).toBeGreaterThan(0);
  await page.goto('/');
  const entries = page.locator('ol.timeline > li.event');
  await expect(entries).toHaveCount(incident.events.length);
  const ids = await entries.evaluateAll((items) => items.map((item) => item.id));
  expect(ids).toEqual(incident.events.map((event) => event.id));
  const datetimes = await page.locator('ol.timeline > li.event .event-date time').evaluateAll((items) => items.map((item) => item.getAttribute('datetime')));
  expect(datetimes).toEqual(incident.events.map((event) => event.date));
  for (const event of incident.events) {
    const outlets = new Set(event.mentions.map((mention) => mention.source));
    await expect(page.locator(`[id="${event.id}"] .event-outlets a.badge`)).toHaveCount(outlets.size);
  }
});

test('a badge leads to the sentence that reports the event', async ({ page }) => {
  const incident = (await (await page.request.get('/incident.json')).json()) as Incident;
  const event = incident.events.find((candidate) => candidate.mentions.length > 0);
  const mention = event?.mentions[0];
  expect(mention).toBeDefined();
  await page.goto('/');
  await page.locator(`[id="${event?.id}"] a.badge[href="/sources/${mention?.source}/#${mention?.anchor}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/sources/${mention?.source}/#${mention?.anchor}$`));
  await expect(page.locator(`[id="${mention?.anchor}"]`)).toBeInViewport();
});

test('expanding an entry shows every sentence behind it, without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const incident = (await (await page.request.get('/incident.json')).json()) as Incident;
  await page.goto('/');
  const event = [...incident.events].sort((a, b) => b.mentions.length - a.mentions.length)[0];
  const entry = page.locator(`[id="${event?.id}"]`);
  await entry.locator('summary').click();
  const quotes = entry.locator('.mentions blockquote');
  const count = event?.mentions.length ?? 0;
  // The entry quotes its first reports; an entry with more links to its own page, which quotes them all.
  await expect(quotes).toHaveCount(Math.min(count, INLINE_MENTIONS));
  await expect(quotes.first()).toBeVisible();
  await expect(quotes.first()).toHaveText(event?.mentions[0]?.text ?? '');
  if (count > INLINE_MENTIONS) {
    await entry.locator('.mentions-more a').click();
    await expect(page).toHaveURL(new RegExp(`/events/${event?.id}/$`));
    const all = page.locator('.mentions blockquote');
    await expect(all).toHaveCount(count);
    expect(await all.allTextContents()).toEqual(event?.mentions.map((mention) => mention.text));
  }
  await context.close();
});

test('the coverage lane lists every outlet', async ({ page }) => {
  const incident = (await (await page.request.get('/incident.json')).json()) as Incident;
  await page.goto('/');
  const lane = page.locator('.coverage-lane');
  for (const source of incident.sources) await expect(lane.locator(`a[href="/sources/${source.id}/"]`).first()).toBeVisible();
});
