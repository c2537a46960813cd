import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pageKey } from '../../src/lib/page-key.ts';

describe('pageKey', () => {
  test('is the same for the same data, built separately', () => {
    const view = () => ({ events: [{ href: '/timeline/#e-1', others: 2 }], frame: { title: 'T', sources: 5 } });
    expect(pageKey(view())).toBe(pageKey(view()));
  });

  test('changes when any value the page shows changes (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        // JSON that prints the same is the same page; anything else must key differently.
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(pageKey({ shown: a })).not.toBe(pageKey({ shown: b }));
      }),
    );
  });

  test('tells a count from a link that moved', () => {
    const base = { others: 2, href: '/timeline/#e-1' };
    expect(pageKey({ ...base, others: 3 })).not.toBe(pageKey(base));
    expect(pageKey({ ...base, href: '/timeline/2/#e-1' })).not.toBe(pageKey(base));
  });

  test('refuses values JSON would show as {} or leave out, naming the field', () => {
    expect(() => pageKey({ index: new Map([['a', 1]]) })).toThrow(/"index" is a Map/u);
    expect(() => pageKey({ outlets: new Set(['a']) })).toThrow(/"outlets" is a Set/u);
    expect(() => pageKey({ href: () => '/x/' })).toThrow(/"href" is a function/u);
  });
});
