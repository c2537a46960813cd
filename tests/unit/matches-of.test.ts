import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { matchesOf } from '../../src/pipeline/matches-of.ts';

const PATTERNS = [/\b(?:but|while)\b/giu, /[\p{L}\p{N}]+/gu, /a*/g, /(?:)/gu, /x?/g, /\s*/gu, /(?<=a)b*/g, /./gu];
const text = fc.array(fc.constantFrom('a', 'b', 'x', ' ', 'but', 'while', '😀', '\ud800', 'é', ','), { maxLength: 20 }).map((parts) => parts.join(''));

const plainMatches = (matches: Iterable<RegExpMatchArray>) => [...matches].map((match) => ({ index: match.index, groups: [...match] }));

describe('matchesOf', () => {
  test('finds what matchAll finds, empty matches included', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...PATTERNS), (input, pattern) => {
        expect(plainMatches(matchesOf(input, pattern))).toEqual(plainMatches(input.matchAll(pattern)));
        expect(pattern.lastIndex).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  test('starts from the beginning whatever the pattern’s lastIndex', () => {
    const pattern = /a/g;
    pattern.lastIndex = 2;
    expect(matchesOf('aaa', pattern).map((match) => match.index)).toEqual([0, 1, 2]);
  });

  test('refuses a pattern that is not global, as matchAll does', () => {
    expect(() => matchesOf('a', /a/)).toThrow(TypeError);
  });
});
