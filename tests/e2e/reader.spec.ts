import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { watchProblems } from './watch-page.ts';

interface IncidentDoc {
  incident: { topics: Array<{ id: string; question: string }> };
  sources: Array<{ id: string; outlet: string; url: string | null }>;
  events: Array<{ id: string; mentions: Array<{ source: string; anchor: string; text: string }> }>;
  claims: Array<{ topic: string; source: string; anchor: string; text: string }>;
}

async function incidentOf(page: Page): Promise<IncidentDoc> {
  const response = await page.request.get('/incident.json');
  expect(response.ok()).toBe(true);
  return (await response.json()) as IncidentDoc;
}


/** The rarest plain word of the claims, and a claim holding it: a search for it should find that claim. */
function rareWord(incident: IncidentDoc): { word: string; claim: IncidentDoc['claims'][number] | undefined } {
  const wordsOf = (text: string) => (text.toLowerCase().match(/\p{L}{5,}/gu) ?? []);
  const counts = new Map<string, number>();
  for (const text of [...incident.claims.map((claim) => claim.text), ...incident.events.flatMap((event) => event.mentions.map((mention) => mention.text))]) {
    for (const word of new Set(wordsOf(text))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const candidates = incident.claims.flatMap((claim) => wordsOf(claim.text).map((word) => ({ word, claim })));
  candidates.sort((a, b) => (counts.get(a.word) ?? 0) - (counts.get(b.word) ?? 0) || b.word.length - a.word.length);
  return candidates[0] ?? { word: '', claim: undefined };
}

async function parsesAsXml(page: Page, text: string): Promise<{ root: string; error: string | null }> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror')?.textContent ?? null };
  }, text);
}

test.describe('search', () => {
  test('finds a word of the articles under its source, and links to the sentence that holds it', async ({ page }) => {
    const problems = watchProblems(page);
    const incident = await incidentOf(page);
    const { word, claim } = rareWord(incident);
    expect(claim).toBeDefined();
    expect(word.length).toBeGreaterThan(4);
    await page.goto('/search/');
    await expect(page.locator('[data-search-fallback]')).toBeHidden();
    await page.getByLabel('Words to find').fill(word);
    const results = page.locator('.search-result');
    await expect(results.first()).toBeVisible();
    await expect(page.getByRole('status')).toContainText(word);
    const source = results.filter({ has: page.locator(`h3 a[href="/sources/${claim?.source}/"]`) });
    await expect(source).toHaveCount(1);
    // The claim's sentence, under its source, with the word marked.
    const sentence = source.locator(`.search-sentences a[href="/sources/${claim?.source}/#${claim?.anchor}"]`);
    await expect(sentence).toHaveText(claim!.text.replace(/\s+/gu, ' ').trim());
    await expect(sentence.locator('mark').first()).toHaveText(new RegExp(word, 'iu'));
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(word)}`));
    // The address carries the search, so reloading it (or sharing it) shows the same results.
    await page.reload();
    await expect(page.getByLabel('Words to find')).toHaveValue(word);
    await expect(sentence).toBeVisible();
    await sentence.click();
    await expect(page).toHaveURL(new RegExp(`/sources/${claim?.source}/#${claim?.anchor}$`));
    await expect(page.locator(`[id="${claim?.anchor}"]`)).toContainText(word, { ignoreCase: true });
    expect(problems).toEqual([]);
  });

  test('names, under a found sentence that is a claim, each question it answers, linking to each comparison', async ({ page }) => {
    const incident = await incidentOf(page);
    const topicsOf = new Map<string, string[]>();
    for (const claim of incident.claims) {
      const key = `/sources/${claim.source}/#${claim.anchor}`;
      topicsOf.set(key, [...new Set([...(topicsOf.get(key) ?? []), claim.topic])]);
    }
    const wordsOf = (text: string) => new Set(text.toLowerCase().match(/\p{L}{5,}/gu) ?? []);
    const counts = new Map<string, number>();
    for (const claim of incident.claims) for (const word of wordsOf(claim.text)) counts.set(word, (counts.get(word) ?? 0) + 1);
    // The rarest word of a sentence claimed under the most topics, so that its source comes among the first results.
    const candidates = incident.claims
      .flatMap((claim) => [...wordsOf(claim.text)].map((word) => ({ word, claim, topics: topicsOf.get(`/sources/${claim.source}/#${claim.anchor}`)!.length })))
      .sort((a, b) => b.topics - a.topics || (counts.get(a.word) ?? 0) - (counts.get(b.word) ?? 0));
    test.skip(candidates.length === 0, 'this content has no claims');
    const { word, claim } = candidates[0]!;
    const href = `/sources/${claim.source}/#${claim.anchor}`;
    const topics = topicsOf.get(href)!;
    await page.goto(`/search/?q=${encodeURIComponent(word)}`);
    const item = page.locator('.search-sentences li').filter({ has: page.locator(`a[href="${href}"]`) });
    await expect(item).toHaveCount(1);
    await expect(item.locator('.search-claim')).toContainText('Claim on ');
    for (const topic of topics) {
      const question = incident.incident.topics.find((each) => each.id === topic)?.question ?? topic;
      await expect(item.locator(`.search-claim a[href="/compare/#${encodeURIComponent(topic)}"]`)).toHaveText(`“${question}”`);
    }
    await expect(item.locator('.search-claim a')).toHaveCount(topics.length);
  });

  test('shows a sentence that is no claim without a question', async ({ page }) => {
    const incident = await incidentOf(page);
    const claimed = new Set(incident.claims.map((claim) => `${claim.source}#${claim.anchor}`));
    const mention = incident.events.flatMap((event) => event.mentions).find((each) => !claimed.has(`${each.source}#${each.anchor}`) && /\p{L}{6,}/u.test(each.text));
    test.skip(!mention, 'every sentence of this content that the timeline cites is a claim');
    const words = mention!.text.match(/\p{L}{6,}/gu)!;
    await page.goto(`/search/?q=${encodeURIComponent(words.join(' '))}`);
    const item = page.locator('.search-sentences li').filter({ has: page.locator(`a[href="/sources/${mention!.source}/#${mention!.anchor}"]`) });
    await expect(item).toHaveCount(1);
    await expect(item.locator('.search-claim')).toHaveCount(0);
  });

  test('indexes a source’s byline as words of their own, not run into the date after it', async ({ page }) => {
    const incident = (await incidentOf(page)) as { sources: Array<{ id: string; author?: string }> };
    const bylined = incident.sources.find((source) => source.author);
    test.skip(!bylined, 'no article of this content names its author');
    await page.goto('/search/');
    // The text the index holds for the source page, as the search page's results read it.
    const content = await page.evaluate(async ({ author, id }) => {
      const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      const found = await pagefind.search(author);
      for (const result of found.results) {
        const data = await result.data();
        if (data.url.startsWith(`/sources/${id}/`) && !data.url.includes('#')) return data.content as string;
      }
      return '';
    }, { author: bylined!.author!, id: bylined!.id });
    const words = content.split(/\s+/u);
    const name = bylined!.author!.split(/\s+/u);
    // "Jane Roe 10 May 2024", not "Jane Roe10 May 2024".
    const at = words.findIndex((_, i) => name.every((part, j) => words[i + j] === part));
    expect(at, content.slice(0, 300)).toBeGreaterThanOrEqual(0);
  });

  test('is linked from every page', async ({ page }) => {
    await page.goto('/about/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\/$/);
    await expect(page.locator('main h1')).toHaveText('Search');
  });

  test('without JavaScript, says so and links to the pages that hold everything', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/search/?q=anything');
    const fallback = page.locator('[data-search-fallback]');
    await expect(fallback).toBeVisible();
    await expect(fallback).toContainText('JavaScript');
    for (const href of ['/', '/compare/', '/sources/']) await expect(fallback.locator(`a[href="${href}"]`)).toBeVisible();
    await expect(page.locator('[data-search-results]')).toBeHidden();
    await expect(page.getByLabel('Words to find')).toBeVisible();
    await context.close();
  });
});

test('every page keeps to its Content-Security-Policy: scripts and styles are files', async ({ page }) => {
  const incident = await incidentOf(page);
  const paths = ['/', '/compare/', '/sources/', '/about/', '/search/', ...incident.sources.map((source) => `/sources/${source.id}/`)];
  for (const path of paths) {
    const html = await (await page.request.get(path)).text();
    expect(html, path).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self'[ ;]/);
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [], path).toEqual([]);
    expect(html.match(/<style[\s>]|\sstyle="/g) ?? [], path).toEqual([]);
    for (const [, src] of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) expect(src, path).toMatch(/^\/(?!\/)/);
  }
  for (const file of ['/pagefind/pagefind.js', '/pagefind/pagefind-worker.js']) expect((await page.request.get(file)).ok(), file).toBe(true);
});

test.describe('feeds and discovery', () => {
  test('the RSS feed parses and holds the timeline and the sources', async ({ page }) => {
    const incident = await incidentOf(page);
    const response = await page.request.get('/feed.xml');
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toMatch(/xml/);
    await page.goto('/');
    const parsed = await parsesAsXml(page, await response.text());
    expect(parsed).toEqual({ root: 'rss', error: null });
    const links = await page.evaluate(async () => {
      const text = await (await fetch('/feed.xml')).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return [...doc.querySelectorAll('channel > item > link')].map((link) => new URL(link.textContent ?? '').pathname + new URL(link.textContent ?? '').hash);
    });
    expect(links).toHaveLength(incident.events.length + incident.sources.length);
    for (const source of incident.sources) expect(links).toContain(`/sources/${source.id}/`);
    expect(links).toContain(`/#${incident.events[0]?.id}`);
    const alternate = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
    await expect(alternate).toHaveAttribute('href', '/feed.xml');
  });

  test('the sitemap lists every page and robots.txt points to it', async ({ page }) => {
    const incident = await incidentOf(page);
    await page.goto('/');
    const robots = await page.request.get('/robots.txt');
    expect(robots.ok()).toBe(true);
    const sitemapLine = (await robots.text()).split('\n').find((line) => line.startsWith('Sitemap: '));
    expect(sitemapLine).toBeDefined();
    const indexPath = new URL(sitemapLine?.slice('Sitemap: '.length) ?? '').pathname;
    const index = await page.request.get(indexPath);
    expect(index.ok()).toBe(true);
    expect(await parsesAsXml(page, await index.text())).toEqual({ root: 'sitemapindex', error: null });
    const chunks = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
    expect(chunks.length).toBeGreaterThan(0);
    const pages: string[] = [];
    for (const chunk of chunks) {
      const text = await (await page.request.get(chunk)).text();
      expect(await parsesAsXml(page, text)).toEqual({ root: 'urlset', error: null });
      pages.push(...[...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname));
    }
    for (const path of ['/', '/compare/', '/sources/', '/about/', ...incident.sources.map((source) => `/sources/${source.id}/`)]) expect(pages).toContain(path);
  });

  test('every page type has a canonical address and Open Graph and Twitter card tags', async ({ page }) => {
    const incident = await incidentOf(page);
    const paths = ['/', '/compare/', '/sources/', `/sources/${incident.sources[0]?.id}/`, '/about/', '/search/'];
    for (const path of paths) {
      await page.goto(path);
      const canonical = await page.locator('head link[rel="canonical"]').getAttribute('href');
      expect(new URL(canonical ?? '').pathname, path).toBe(path);
      await expect(page.locator('head meta[property="og:url"]'), path).toHaveAttribute('content', canonical ?? '');
      for (const property of ['og:title', 'og:description', 'og:type', 'og:site_name']) {
        await expect(page.locator(`head meta[property="${property}"]`), `${path} ${property}`).toHaveAttribute('content', /\S/);
      }
      for (const name of ['twitter:card', 'twitter:title', 'twitter:description']) {
        await expect(page.locator(`head meta[name="${name}"]`), `${path} ${name}`).toHaveAttribute('content', /\S/);
      }
    }
    await page.goto(`/sources/${incident.sources[0]?.id}/`);
    await expect(page.locator('head meta[property="og:type"]')).toHaveAttribute('content', 'article');
  });
});

test.describe('exports', () => {
  const exports = [
    { href: '/timeline.csv', type: /^text\/csv/ },
    { href: '/timeline.ics', type: /^text\/calendar/ },
    { href: '/timeline.timelinejs.json', type: /^application\/json/ },
    { href: '/incident.json', type: /^application\/json/ },
    { href: '/feed.xml', type: /xml/ },
  ];

  test('each export of the timeline is linked from it and served with its type', async ({ page }) => {
    await page.goto('/');
    for (const { href, type } of exports) {
      const link = page.locator(`main a[href="${href}"]`);
      await expect(link, href).toBeVisible();
      const response = await page.request.get(href);
      expect(response.ok(), href).toBe(true);
      expect(response.headers()['content-type'], href).toMatch(type);
      expect((await response.body()).length, href).toBeGreaterThan(0);
    }
  });

  test('the CSV and the calendar download as files', async ({ page }) => {
    const incident = await incidentOf(page);
    await page.goto('/');
    for (const [href, name] of [['/timeline.csv', 'timeline.csv'], ['/timeline.ics', 'timeline.ics']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`main a[href="${href}"]`).click()]);
      expect(download.suggestedFilename()).toBe(name);
    }
    const csv = await (await page.request.get('/timeline.csv')).text();
    expect(csv.startsWith('"event_id",')).toBe(true);
    const records = parse(csv, { record_delimiter: '\r\n' }) as string[][];
    expect(records).toHaveLength(incident.events.reduce((sum, event) => sum + event.mentions.length, 0) + 1);
    const ics = await (await page.request.get('/timeline.ics')).text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(incident.events.length);
  });

  test('the comparison links the document its claims come from', async ({ page }) => {
    await page.goto('/compare/');
    await expect(page.locator('main a[href="/incident.json"]')).toBeVisible();
    const timelinejs = (await (await page.request.get('/timeline.timelinejs.json')).json()) as { title: unknown; events: Array<{ start_date: { year: number } }> };
    expect(timelinejs.title).toBeDefined();
    expect(timelinejs.events.every((event) => typeof event.start_date.year === 'number')).toBe(true);
  });
});

test.describe('filters', () => {
  test('choosing an outlet narrows the timeline to what it reported, in a shareable address', async ({ page }) => {
    const problems = watchProblems(page);
    const incident = await incidentOf(page);
    const outlet = incident.sources[0]?.outlet ?? '';
    const ids = new Set(incident.sources.filter((source) => source.outlet === outlet).map((source) => source.id));
    const expected = incident.events.filter((event) => event.mentions.some((mention) => ids.has(mention.source))).map((event) => event.id);
    expect(expected.length).toBeGreaterThan(0);
    await page.goto('/');
    const group = page.getByRole('group', { name: 'Narrow the timeline' });
    await expect(group).toBeVisible();
    await group.getByLabel('Outlet').selectOption({ label: outlet });
    const visible = page.locator('ol.timeline > li.event:visible');
    await expect(visible).toHaveCount(expected.length);
    expect(await visible.evaluateAll((items) => items.map((item) => item.id))).toEqual(expected);
    await expect(page.getByRole('status')).toContainText(`Showing ${expected.length} of ${incident.events.length} happening`);
    await expect(page).toHaveURL(/[?&]outlet=[^&]+/);
    const key = new URL(page.url()).searchParams.get('outlet');
    await page.reload();
    await expect(group.getByLabel('Outlet')).toHaveValue(key ?? '');
    await expect(visible).toHaveCount(expected.length);
    await group.getByRole('button', { name: 'Show all' }).click();
    await expect(visible).toHaveCount(incident.events.length);
    await expect(page).not.toHaveURL(/outlet=/);
    expect(problems).toEqual([]);
  });

  test('an address with a topic shows only the entries whose sentences answer it', async ({ page }) => {
    const incident = await incidentOf(page);
    const claimed = new Map<string, Set<string>>();
    for (const claim of incident.claims) {
      const key = `${claim.source}#${claim.anchor}`;
      claimed.set(key, (claimed.get(key) ?? new Set()).add(claim.topic));
    }
    const topicOf = (event: IncidentDoc['events'][number]) => new Set(event.mentions.flatMap((mention) => [...(claimed.get(`${mention.source}#${mention.anchor}`) ?? [])]));
    const topic = incident.incident.topics.find((candidate) => incident.events.some((event) => topicOf(event).has(candidate.id)));
    test.skip(!topic, 'no timeline entry makes a claim');
    const expected = incident.events.filter((event) => topicOf(event).has(topic?.id ?? '')).map((event) => event.id);
    await page.goto(`/?topic=${topic?.id}`);
    await expect(page.getByLabel('Question')).toHaveValue(topic?.id ?? '');
    const visible = page.locator('ol.timeline > li.event:visible');
    await expect(visible).toHaveCount(expected.length);
    expect(await visible.evaluateAll((items) => items.map((item) => item.id))).toEqual(expected);
  });

  test('the comparison narrows to one outlet’s column and one question’s row', async ({ page }) => {
    const incident = await incidentOf(page);
    const topic = incident.incident.topics[0];
    const source = incident.sources[0];
    await page.goto('/compare/');
    const group = page.getByRole('group', { name: 'Narrow the table' });
    await group.getByLabel('Outlet').selectOption({ label: source?.outlet ?? '' });
    await group.getByLabel('Question').selectOption(topic?.id ?? '');
    const sameOutlet = incident.sources.filter((candidate) => candidate.outlet === source?.outlet).length;
    await expect(page.locator('table.matrix thead th[scope="col"]:visible')).toHaveCount(sameOutlet + 1);
    await expect(page.locator('table.matrix th[scope="row"]:visible')).toHaveCount(1);
    await expect(page.locator(`th[scope="row"][id="${topic?.id}"]`)).toBeVisible();
    await expect(page.getByRole('status')).toContainText(`1 of ${incident.incident.topics.length} question`);
    await expect(page).toHaveURL(new RegExp(`topic=${topic?.id}`));
  });

  test('without JavaScript, the timeline shows every entry and no filter controls', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const incident = await incidentOf(page);
    const key = incident.sources[0]?.outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-') ?? '';
    await page.goto(`/?outlet=${key}`);
    await expect(page.locator('ol.timeline > li.event:visible')).toHaveCount(incident.events.length);
    await expect(page.locator('[data-filter-form]')).toBeHidden();
    await context.close();
  });
});

test.describe('print', () => {
  test('the timeline prints without chrome, with every sentence and the articles’ addresses', async ({ page }) => {
    const incident = await incidentOf(page);
    await page.goto('/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.locator('[data-filter-form]')).toBeHidden();
    await expect(page.locator('.print-origin')).toBeVisible();
    const event = [...incident.events].sort((a, b) => b.mentions.length - a.mentions.length)[0];
    await expect(page.locator(`[id="${event?.id}"] .mentions blockquote`).first()).toBeVisible();
    for (const source of incident.sources.filter((candidate) => candidate.url)) {
      await expect(page.locator('.coverage-lane .print-url', { hasText: source.url ?? '' }).first()).toBeVisible();
    }
  });

  test('the comparison prints without chrome and lists the sources with their addresses', async ({ page }) => {
    const incident = await incidentOf(page);
    await page.goto('/compare/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    const list = page.locator('.print-sources');
    await expect(list).toBeVisible();
    for (const source of incident.sources) await expect(list).toContainText(source.url ?? `/sources/${source.id}/`);
    await page.emulateMedia({ media: 'screen' });
    await expect(list).toBeHidden();
  });
});

test.describe('dates', () => {
  test('show in the reader’s locale at their own precision where JavaScript runs', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    await page.goto('/');
    const times = await page
      .locator('ol.timeline time[datetime]')
      .evaluateAll((elements) => elements.map((element) => ({ datetime: element.getAttribute('datetime') ?? '', text: element.textContent ?? '', title: element.getAttribute('title') })));
    expect(times.length).toBeGreaterThan(0);
    const utc = (options: Intl.DateTimeFormatOptions, iso: string) => new Intl.DateTimeFormat('de-DE', { ...options, timeZone: 'UTC' }).format(new Date(iso));
    for (const time of times) {
      const about = time.title?.startsWith('about ') ? 'about ' : '';
      if (time.datetime.length === 4) expect(time.text).toContain(time.datetime);
      if (time.datetime.length === 7) expect(time.text).toBe(about + utc({ year: 'numeric', month: 'long' }, `${time.datetime}-01T00:00:00Z`));
      if (time.datetime.length === 10) {
        expect(time.text).toBe(about + utc({ year: 'numeric', month: 'long', day: 'numeric' }, `${time.datetime}T00:00:00Z`));
        // The server's unambiguous wording stays at hand.
        expect(time.title).toMatch(/^(about )?\d{1,2} \p{L}+ \d{4}$/u);
      }
    }
    await context.close();
  });

  test('stay unambiguous without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto('/');
    const texts = await page.locator('ol.timeline time[datetime]').allTextContents();
    for (const text of texts) expect(text).toMatch(/^(about )?(\d{1,2} )?((January|February|March|April|May|June|July|August|September|October|November|December) )?\d{4}/);
    await context.close();
  });
});
