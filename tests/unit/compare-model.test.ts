import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { columnsOf, outletsBesides, primaryPages, quotePageViews, quoteViews, sourcePageView } from '../../src/components/compare/compare-model.ts';
import { quoteLayout } from '../../src/lib/site-pages.ts';
import type { IncidentJson, IncidentSource } from '../../src/pipeline/build-incident.ts';
import type { Citation, QuoteGroup, TimelineEvent } from '../../src/pipeline/types.ts';

const source = (id: string, outlet: string, published: string | null, title = `Title ${id}`): IncidentSource => ({ id, outlet, title, url: null, published, updated: [], language: 'en', sentences: 10 });

function site(sources: IncidentSource[], quotes: QuoteGroup[] = [], citations: Citation[] = []): IncidentJson {
  return { incident: { title: 'T', summary: 'S', topics: [], actors: [] }, sources, events: [], claims: [], quotes, citations };
}

describe('columnsOf', () => {
  test('names an outlet alone when it has one article, and tells several apart by day, then time, then title', () => {
    const labels = columnsOf([
      source('a', 'Solo Times', '2024-05-07T10:00+02:00'),
      source('b', 'Daily', '2024-05-07T10:00+02:00'),
      source('c', 'Daily', '2024-05-08T09:30+02:00'),
      source('d', 'Daily', '2024-05-08T17:05+02:00'),
      source('e', 'Daily', null, 'Undated story'),
      source('f', 'Daily', '2024-06'),
    ]).map((column) => column.label);
    expect(labels).toEqual(['Solo Times', 'Daily (7 May 2024)', 'Daily (8 May 2024, 09:30)', 'Daily (8 May 2024, 17:05)', 'Daily (Undated story)', 'Daily (June 2024)']);
  });
});

describe('quotation views', () => {
  const member = (id: string, quote: string) => ({ source: id, anchor: `s-${id}`, text: quote, quote });

  test('fold articles printing the same words into one rendering, and keep every article once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('We regret it', 'We regret this', 'we regret it.', 'We deeply regret it'), { minLength: 1, maxLength: 40 }), (quotes) => {
        const members = quotes.map((quote, i) => member(`s${i}`, quote));
        const group: QuoteGroup = { id: 'g', text: 'We deeply regret it', members };
        const [view] = quoteViews(site(members.map((m) => source(m.source, `Outlet ${m.source}`, null)), [group]));
        expect(view!.renderings.flatMap((r) => r.printedBy.map((p) => p.member.source)).sort()).toEqual(members.map((m) => m.source).sort());
        expect(new Set(view!.renderings.map((r) => r.quote)).size).toBe(view!.renderings.length);
        for (const rendering of view!.renderings) expect(Boolean(rendering.diff)).toBe(rendering.quote.toLowerCase().replace(/\.$/, '') !== 'we deeply regret it');
      }),
    );
  });

  test('split over pages, every article is on one page and a continued quotation links back to where it began', () => {
    const members = Array.from({ length: 3000 }, (_, i) => member(`a${i}`, i % 10 === 0 ? `We regret it ${i}` : 'We regret it'));
    const groups: QuoteGroup[] = [{ id: 'small', text: 'Hello there friends', members: [member('a1', 'Hello there friends')] }, { id: 'big', text: 'We regret it', members }];
    const incident = site(members.map((m) => source(m.source, 'Paper', `2024-05-0${1 + (Number(m.source.slice(1)) % 9)}`)), groups);
    const layout = quoteLayout(groups);
    expect(layout.pages.length).toBeGreaterThan(1);
    const views = layout.pages.flatMap((_, index) => quotePageViews(incident, layout, index + 1).map((view) => ({ view, page: index + 1 })));
    const seen = views.filter(({ view }) => view.group.id === 'big').flatMap(({ view }) => view.renderings.flatMap((r) => r.printedBy.map((p) => p.member.source)));
    expect(seen.sort()).toEqual(members.map((m) => m.source).sort());
    for (const { view, page } of views) {
      if (view.continuedFrom) expect(view.continuedFrom).toBe(layout.pathOf(view.group.id));
      if (view.continuesOn) expect(view.continuesOn).toBe(layout.path(page + 1));
    }
    expect(views.filter(({ view }) => !view.continuedFrom).map(({ view }) => view.group.id)).toEqual(['small', 'big']);
  });
});

describe('primaryPages', () => {
  test('puts every citation and every article naming no primary source on exactly one page', () => {
    const sources = Array.from({ length: 1500 }, (_, i) => source(`a${i}`, `Outlet ${i % 40}`, `2024-05-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00Z`));
    const citations: Citation[] = sources.flatMap((s, i) =>
      i % 3 === 0 ? [] : [{ source: s.id, cites: 'Reuters', key: 'reuters', kind: 'via', anchor: `s-${i}`, text: 'x' }, ...(i % 5 === 0 ? [{ source: s.id, cites: 'police', key: 'police', kind: 'told', anchor: `s-${i}b`, text: 'y' }] : [])],
    );
    const layout = primaryPages(site(sources, [], citations));
    expect(layout.pages.length).toBeGreaterThan(1);
    const slices = layout.pages.flat();
    const cited = slices.flatMap((slice) => slice.items.flatMap((entry) => entry.citations.map((c) => `${c.source}#${c.anchor}`)));
    expect(cited.sort()).toEqual(citations.map((c) => `${c.source}#${c.anchor}`).sort());
    const silent = slices.filter((slice) => slice.group.primary === null).flatMap((slice) => slice.items.map((entry) => entry.column.source.id));
    expect(silent.sort()).toEqual(sources.filter((_, i) => i % 3 === 0).map((s) => s.id).sort());
  });
});

describe('outletsBesides', () => {
  test('counts other outlets once each, however many of their articles report', () => {
    const incident = site([source('a1', 'Daily', null), source('a2', 'Daily', null), source('b1', 'Weekly', null), source('c1', 'Radio', null)]);
    const reports = [{ source: 'a1' }, { source: 'a2' }, { source: 'b1' }, { source: 'b1' }];
    expect(outletsBesides(incident, reports, 'Daily')).toBe(1);
    expect(outletsBesides(incident, reports, 'Radio')).toBe(2);
    expect(outletsBesides(incident, [{ source: 'a1' }, { source: 'a2' }], 'Daily')).toBe(0);
  });
});

describe('sourcePageView', () => {
  const mention = (sourceId: string, n: number): TimelineEvent['mentions'][number] => ({
    source: sourceId,
    anchor: `s-${sourceId}-${n}`,
    text: `Sentence ${n} of ${sourceId}.`,
    date: { value: '2024-05-06', precision: 'day', approximate: false },
  });
  const incident = (): IncidentJson => ({
    ...site([source('a1', 'Daily', null), source('a2', 'Daily', null), source('b', 'Weekly', null), source('c', 'Monthly', null)]),
    events: [
      { id: 'e-1', date: '2024-05-06', precision: 'day', approximate: false, summary: 'x', mentions: [mention('a1', 1), mention('a2', 1), mention('b', 1), mention('a1', 2)] },
      { id: 'e-2', date: '2024-05', precision: 'month', approximate: false, summary: 'y', mentions: [mention('c', 1)] },
    ],
  });
  const addresses = { timeline: { eventHref: (id: string) => `/timeline/2/#${id}` }, compareSplit: false, quotePages: { pathOf: () => '/compare/quotes/' } };

  test('gives every link resolved, the other outlets counted once each, and dates as printed', () => {
    const view = sourcePageView({ ...incident(), ...addresses }, 'a1', 'Daily');
    expect(view.events).toEqual([
      {
        date: '2024-05-06',
        dateText: '6 May 2024',
        mentions: [
          { href: '/sources/a1/#s-a1-1', text: 'Sentence 1 of a1.' },
          { href: '/sources/a1/#s-a1-2', text: 'Sentence 2 of a1.' },
        ],
        href: '/timeline/2/#e-1',
        // a2 is the same outlet: only Weekly is another outlet.
        others: 1,
      },
    ]);
    expect(sourcePageView({ ...incident(), ...addresses }, 'c', 'Monthly').events[0]).toMatchObject({ dateText: 'May 2024', href: '/timeline/2/#e-2', others: 0 });
  });

  test('is plain data: what a page key hashes is what the page prints', () => {
    const view = sourcePageView({ ...incident(), ...addresses }, 'b', 'Weekly');
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});
