import { expect, test, type Page } from '@playwright/test';
import { watchProblems } from './watch-page.ts';

type Stance = 'asserts' | 'denies' | 'hedges';

interface IncidentDoc {
  incident: { topics: Array<{ id: string; question: string }> };
  sources: Array<{ id: string; outlet: string }>;
  claims: Array<{ topic: string; source: string; anchor: string; text: string; stance?: Stance }>;
  quotes: Array<{ id: string; members: Array<{ source: string; anchor: string }> }>;
  citations: Array<{ source: string; key: string; anchor: string }>;
}

async function incidentOf(page: Page): Promise<IncidentDoc> {
  const response = await page.request.get('/incident.json');
  expect(response.ok()).toBe(true);
  const incident = (await response.json()) as IncidentDoc;
  expect(incident.incident.topics.length).toBeGreaterThan(0);
  expect(incident.sources.length).toBeGreaterThan(0);
  return incident;
}


const sentenceHref = (claim: { source: string; anchor: string }) => `/sources/${claim.source}/#${claim.anchor}`;

/** The outlet cells of a topic's row, in source order. */
const cellsOf = (page: Page, topic: string) => page.locator(`tr:has(> th[id="${topic}"]) > td`);

function claimsAt(incident: IncidentDoc, topic: string, source: string) {
  return incident.claims.filter((claim) => claim.topic === topic && claim.source === source);
}

test('the comparison loads without console errors and is a table with a row per topic', async ({ page }) => {
  const problems = watchProblems(page);
  const incident = await incidentOf(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  const response = await page.goto('/compare/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('main h1')).toBeVisible();
  const table = page.locator('table:has(th[scope="row"])').first();
  await expect(table.locator('caption')).not.toBeEmpty();
  await expect(table.locator('thead th[scope="col"]')).toHaveCount(incident.sources.length + 1);
  for (const source of incident.sources) await expect(table.locator('thead th[scope="col"]', { hasText: source.outlet }).first()).toBeVisible();
  const rowIds = await table.locator('th[scope="row"]').evaluateAll((cells) => cells.map((cell) => cell.id));
  expect(rowIds).toEqual(incident.incident.topics.map((topic) => topic.id));
  for (const topic of incident.incident.topics) {
    await expect(page.locator(`[id="${topic.id}"]`)).toContainText(topic.question);
    await expect(cellsOf(page, topic.id)).toHaveCount(incident.sources.length);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(problems).toEqual([]);
});

test('every claim links to its sentence, and each sentence exists on its source page', async ({ page }) => {
  const incident = await incidentOf(page);
  await page.goto('/compare/');
  for (const topic of incident.incident.topics) {
    const cells = cellsOf(page, topic.id);
    for (const [index, source] of incident.sources.entries()) {
      const hrefs = await cells.nth(index).locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      for (const claim of claimsAt(incident, topic.id, source.id)) expect(hrefs, `${topic.id} × ${source.id}`).toContain(sentenceHref(claim));
    }
  }
  for (const source of incident.sources) {
    const html = await (await page.request.get(`/sources/${source.id}/`)).text();
    for (const claim of incident.claims.filter((candidate) => candidate.source === source.id)) {
      expect(html, `${source.id}#${claim.anchor}`).toContain(`id="${claim.anchor}"`);
    }
  }
  const sample = incident.sources.map((source) => incident.claims.find((claim) => claim.source === source.id)).filter((claim) => claim !== undefined).slice(0, 3);
  expect(sample.length).toBeGreaterThan(0);
  for (const claim of sample) {
    await page.goto('/compare/');
    await cellsOf(page, claim.topic).locator(`a[href="${sentenceHref(claim)}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`${sentenceHref(claim)}$`));
    await expect(page.locator(`[id="${claim.anchor}"]`)).toBeInViewport();
  }
});

test('a cell says "Not reported" exactly where the outlet is silent on the topic', async ({ page }) => {
  const incident = await incidentOf(page);
  await page.goto('/compare/');
  let silent = 0;
  for (const topic of incident.incident.topics) {
    const cells = cellsOf(page, topic.id);
    for (const [index, source] of incident.sources.entries()) {
      const cell = cells.nth(index);
      if (claimsAt(incident, topic.id, source.id).length === 0) {
        silent++;
        await expect(cell, `${topic.id} × ${source.id}`).toContainText('Not reported');
        await expect(cell.locator('a')).toHaveCount(0);
      } else {
        await expect(cell, `${topic.id} × ${source.id}`).not.toContainText('Not reported');
      }
    }
  }
  test.info().annotations.push({ type: 'silent cells', description: String(silent) });
});

test('contested topics are flagged and every row counts its coverage', async ({ page }) => {
  const incident = await incidentOf(page);
  await page.goto('/compare/');
  for (const topic of incident.incident.topics) {
    const claims = incident.claims.filter((claim) => claim.topic === topic.id);
    const stances = new Set(claims.map((claim) => claim.stance));
    const contested = stances.has('asserts') && stances.has('denies');
    const header = page.locator(`[id="${topic.id}"]`);
    if (contested) await expect(header, topic.id).toContainText('Contested');
    else await expect(header, topic.id).not.toContainText('Contested');
    const reported = new Set(claims.map((claim) => claim.source)).size;
    if (reported > 0) await expect(header).toContainText(`${reported} of ${incident.sources.length}`);
  }
});

test('a topic can be linked to', async ({ page }) => {
  const incident = await incidentOf(page);
  const topic = incident.incident.topics.at(-1);
  await page.goto(`/compare/#${topic?.id}`);
  await expect(page.locator(`[id="${topic?.id}"]`)).toBeInViewport();
});

test('at 375 px the matrix is stacked and nothing scrolls sideways', async ({ page }) => {
  const incident = await incidentOf(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/compare/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const column = await page.locator('main').evaluate((main) => {
    const style = getComputedStyle(main);
    return main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  });
  for (const topic of incident.incident.topics.slice(0, 3)) {
    const cells = cellsOf(page, topic.id);
    const boxes = await cells.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
    for (const box of boxes) {
      expect(box.width).toBeGreaterThan(column * 0.8);
      expect(box.right).toBeLessThanOrEqual(375);
    }
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]?.top ?? 0).toBeGreaterThanOrEqual(boxes[i - 1]?.bottom ?? 0);
    const outlets = await cells.evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
    outlets.forEach((text, index) => expect(text).toContain(incident.sources[index]?.outlet ?? ''));
  }
});

test('the stance legend never leaves a comma or full stop alone at the start of a line', async ({ page }) => {
  await page.goto('/compare/');
  for (let width = 320; width <= 480; width += 4) {
    await page.setViewportSize({ width, height: 800 });
    const apart = await page.locator('.matrix-legend').first().evaluate((legend) => {
      const found: string[] = [];
      for (const label of legend.querySelectorAll('.stance')) {
        // The first character after the label: the punctuation that belongs to it.
        const walker = document.createTreeWalker(legend, NodeFilter.SHOW_TEXT);
        walker.currentNode = label.lastChild?.lastChild ?? label;
        let next = walker.nextNode();
        while (next && !label.contains(next) && !/\S/u.test(next.textContent ?? '')) next = walker.nextNode();
        while (next && label.contains(next)) next = walker.nextNode();
        if (!next || !/^[,.]/u.test(next.textContent ?? '')) continue;
        const range = document.createRange();
        range.setStart(next, 0);
        range.setEnd(next, 1);
        const mark = range.getBoundingClientRect();
        const box = label.getBoundingClientRect();
        if (Math.abs(mark.bottom - box.bottom) > box.height / 2) found.push(`${label.textContent}${next.textContent?.[0]}`);
      }
      return found;
    });
    expect(apart, `at ${width} px`).toEqual([]);
  }
});

test('the comparison works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const incident = await incidentOf(page);
  await page.goto('/compare/');
  await expect(page.locator('table:has(th[scope="row"])').first().locator('th[scope="row"]')).toHaveCount(incident.incident.topics.length);
  const claim = incident.claims[0];
  if (claim) await expect(page.locator(`a[href="${sentenceHref(claim)}"]`).first()).toBeVisible();
  await expect(page.locator('#quotes li[id^="quote-"]')).toHaveCount(incident.quotes.length);
  await context.close();
});

test('the quotations section lists every quote group with each rendering linked to its sentence', async ({ page }) => {
  const incident = await incidentOf(page);
  await page.goto('/compare/');
  await expect(page.locator('#quotes li[id^="quote-"]')).toHaveCount(incident.quotes.length);
  for (const group of incident.quotes) {
    const item = page.locator(`#quotes [id="quote-${group.id}"]`);
    await expect(item).toHaveCount(1);
    for (const member of group.members) await expect(item.locator(`a[href="${sentenceHref(member)}"]`)).toHaveCount(1);
  }
  const differing = page.locator('#quotes :is(ins, del)');
  if ((await differing.count()) > 0) {
    const decoration = await differing.first().evaluate((element) => getComputedStyle(element).textDecorationLine);
    expect(decoration).toMatch(/underline|line-through/);
  }
});

test('the primary-sources section counts distinct primary sources and links every citing sentence', async ({ page }) => {
  const incident = await incidentOf(page);
  await page.goto('/compare/');
  const section = page.locator('#primary-sources');
  const keys = new Set(incident.citations.map((citation) => citation.key));
  if (keys.size > 0) await expect(section).toContainText(`${keys.size} distinct primary source`);
  await expect(section.locator('tbody th[scope="row"]')).toHaveCount(keys.size);
  for (const citation of incident.citations) await expect(section.locator(`a[href="${sentenceHref(citation)}"]`).first()).toBeAttached();
});

test("a source page lists that source's claims, quotations and primary sources", async ({ page }) => {
  const incident = await incidentOf(page);
  for (const source of incident.sources) {
    await page.goto(`/sources/${source.id}/`);
    const section = page.locator('section.contrib');
    await expect(section.locator('h2')).toContainText(source.outlet);
    for (const claim of incident.claims.filter((candidate) => candidate.source === source.id)) {
      await expect(section.locator(`a[href="${sentenceHref(claim)}"]`).first(), claim.anchor).toBeAttached();
      await expect(section.locator(`a[href="/compare/#${claim.topic}"]`)).toHaveCount(1);
    }
    for (const group of incident.quotes.filter((candidate) => candidate.members.some((member) => member.source === source.id))) {
      await expect(section.locator(`a[href="/compare/#quote-${group.id}"]`)).toHaveCount(1);
    }
    for (const citation of incident.citations.filter((candidate) => candidate.source === source.id)) {
      await expect(section.locator(`a[href="${sentenceHref(citation)}"]`).first()).toBeAttached();
    }
  }
});
