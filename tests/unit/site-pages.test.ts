import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { INLINE_MENTIONS, pagePath, QUOTE_PAGE_WEIGHT, QUOTE_RENDERING_WEIGHT, quoteLayout, splitBySize, splitByWeight, splitGroups, TIMELINE_PAGE_WEIGHT, timelineLayout } from '../../src/lib/site-pages.ts';
import type { QuoteGroup, TimelineEvent } from '../../src/pipeline/types.ts';

function event(id: string, mentions: number, sources = mentions): TimelineEvent {
  return {
    id,
    date: '2021-05-02',
    precision: 'day',
    approximate: false,
    summary: id,
    mentions: Array.from({ length: mentions }, (_, i) => ({ source: `s${i % Math.max(1, sources)}`, anchor: `s-${i}`, text: `Sentence ${i}.`, date: { value: '2021-05-02', precision: 'day', approximate: false } })),
  } as TimelineEvent;
}

describe('splitByWeight', () => {
  test('keeps every item once, in order, and no page over budget unless one item alone is', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), fc.integer({ min: 1, max: 100 }), (weights, budget) => {
        const pages = splitByWeight(weights.map((w, i) => ({ w, i })), (item) => item.w, budget);
        expect(pages.flat().map((item) => item.i)).toEqual(weights.map((_, i) => i));
        expect(pages.length).toBeGreaterThanOrEqual(1);
        for (const page of pages) {
          const load = page.reduce((sum, item) => sum + Math.max(1, item.w), 0);
          if (page.length > 1) expect(load).toBeLessThanOrEqual(budget);
          if (weights.length > 0) expect(page.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  test('gives an empty list one empty page, and splits by count', () => {
    expect(splitBySize([], 10)).toEqual([[]]);
    expect(splitBySize([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe('timelineLayout', () => {
  test('keeps a small timeline on one page at /', () => {
    const layout = timelineLayout([event('a', 3), event('b', 1)]);
    expect(layout.pages).toHaveLength(1);
    expect(layout.eventHref('b')).toBe('/#b');
  });

  test('splits a long timeline and points every entry at its page', () => {
    const events = Array.from({ length: 300 }, (_, i) => event(`e${i}`, 12));
    const layout = timelineLayout(events);
    expect(layout.pages.length).toBeGreaterThan(1);
    expect(layout.pages.map((page) => page.path).slice(0, 3)).toEqual(['/', '/timeline/2/', '/timeline/3/']);
    for (const page of layout.pages) for (const e of page.events) expect(layout.eventHref(e.id)).toBe(`${page.path}#${e.id}`);
    const weight = (e: TimelineEvent) => 1 + Math.min(e.mentions.length, INLINE_MENTIONS) + Math.ceil(12 / 3);
    for (const page of layout.pages) expect(page.events.reduce((sum, e) => sum + weight(e), 0)).toBeLessThanOrEqual(TIMELINE_PAGE_WEIGHT);
  });

  test('gives an entry its own pages only when it quotes fewer reports than it has', () => {
    const layout = timelineLayout([event('few', INLINE_MENTIONS), event('many', INLINE_MENTIONS + 1)]);
    expect(layout.hasOwnPage(layout.pages[0]!.events[0]!)).toBe(false);
    expect(layout.hasOwnPage(layout.pages[0]!.events[1]!)).toBe(true);
    expect(layout.eventPagePath('many')).toBe('/events/many/');
    expect(layout.eventPagePath('many', 3)).toBe('/events/many/3/');
  });

  test('names list pages', () => {
    expect(pagePath('/sources/', '/sources/page/', 1)).toBe('/sources/');
    expect(pagePath('/sources/', '/sources/page/', 4)).toBe('/sources/page/4/');
  });
});

describe('splitGroups', () => {
  test('keeps every item once, in order, within budget, and marks where a group breaks', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }), { maxLength: 30 }), fc.integer({ min: 3, max: 120 }), (groups, budget) => {
        const pages = splitGroups(
          groups.map((weights, g) => ({ g, weights })),
          (group) => group.weights.map((w, i) => ({ g: group.g, i, w })),
          (item) => item.w,
          budget,
        );
        const slices = pages.flat();
        expect(slices.flatMap((slice) => slice.items.map((item) => `${item.g}:${item.i}`))).toEqual(groups.flatMap((weights, g) => weights.map((_, i) => `${g}:${i}`)));
        // every group begins exactly once, and its pieces are consecutive and linked
        expect(slices.filter((slice) => !slice.continued).map((slice) => slice.group.g)).toEqual(groups.map((_, g) => g));
        slices.forEach((slice, k) => {
          expect(slice.continues).toBe(slices[k + 1]?.group === slice.group && slices[k + 1]?.continued === true);
          if (slice.continued) expect(slices[k - 1]?.group).toBe(slice.group);
        });
        for (const page of pages) {
          const load = page.reduce((sum, slice) => sum + 2 + slice.items.reduce((n, item) => n + Math.max(1, item.w), 0), 0);
          const single = page.length === 1 && page[0]!.items.length <= 1;
          if (!single) expect(load).toBeLessThanOrEqual(budget + 2);
        }
      }),
    );
  });
});

describe('splitGroups placement', () => {
  test('starts a group that does not fit on a new page rather than as a stub at the end of a fuller one', () => {
    const groups = [
      { id: 'a', n: 80 },
      { id: 'b', n: 300 },
      { id: 'c', n: 5 },
    ];
    const pages = splitGroups(groups, (group) => Array.from({ length: group.n }, (_, i) => i), () => 1, 100);
    expect(pages[0]!.map((slice) => slice.group.id)).toEqual(['a']);
    expect(pages[1]![0]).toMatchObject({ continued: false, continues: true });
    expect(pages[1]![0]!.group.id).toBe('b');
    // a group that fits still shares the page
    const small = splitGroups([{ id: 'a', n: 80 }, { id: 'c', n: 5 }], (group) => Array.from({ length: group.n }, (_, i) => i), () => 1, 100);
    expect(small).toHaveLength(1);
  });
});

describe('quoteLayout', () => {
  const member = (source: string, quote: string) => ({ source, anchor: `s-${source}`, text: quote, quote });
  test('folds the same words together and splits a quotation reprinted by thousands over pages', () => {
    const big: QuoteGroup = { id: 'big', text: 'We take privacy seriously', members: Array.from({ length: 5000 }, (_, i) => member(`a${i}`, i % 7 === 0 ? `We take privacy very seriously ${i % 3}` : 'We take privacy seriously')) };
    const small: QuoteGroup = { id: 'small', text: 'No comment', members: [member('b1', 'No comment')] };
    const layout = quoteLayout([small, big]);
    expect(layout.pages.length).toBeGreaterThan(2);
    expect(layout.pathOf('small')).toBe('/compare/quotes/');
    expect(layout.pathOf('big')).toBe('/compare/quotes/');
    const members = layout.pages.flat().filter((slice) => slice.group.id === 'big').flatMap((slice) => slice.items);
    expect(new Set(members.map((m) => m.source)).size).toBe(5000);
    // the same words come together: each wording is one run
    const runs = members.filter((m, i) => i === 0 || members[i - 1]!.quote !== m.quote).map((m) => m.quote);
    expect(new Set(runs).size).toBe(runs.length);
    for (const page of layout.pages) {
      const load = page.reduce((sum, slice) => sum + 2 + slice.items.reduce((n, m, i) => n + (i > 0 && slice.items[i - 1]!.quote === m.quote ? 1 : QUOTE_RENDERING_WEIGHT), 0), 0);
      expect(load).toBeLessThanOrEqual(QUOTE_PAGE_WEIGHT + 2 + QUOTE_RENDERING_WEIGHT);
    }
    expect(layout.path(2)).toBe('/compare/quotes/2/');
  });
});
