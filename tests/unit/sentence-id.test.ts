import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { collapseWhitespace, sentenceId } from '../../src/pipeline/sentence-id.ts';

/** Text with every kind of whitespace, alone and in runs. */
const spaced = fc.array(fc.constantFrom('a', 'B', '.', ' ', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', '\u3000', 'é'), { maxLength: 20 }).map((pieces) => pieces.join(''));

describe('collapseWhitespace', () => {
  test('gives what replacing every run of whitespace with a space gives', () => {
    fc.assert(
      fc.property(spaced, (text) => {
        expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' '));
      }),
      { numRuns: 3000 },
    );
  });

  test('returns text with single spaces only as it is', () => {
    const text = 'It said so. Then it left.';
    expect(collapseWhitespace(text)).toBe(text);
    expect(collapseWhitespace(' a\u00a0b ')).toBe(' a b ');
    expect(collapseWhitespace('a \tb')).toBe('a b');
  });
});

describe('sentenceId', () => {
  test('ignores how whitespace is written', () => {
    expect(sentenceId('It  said\nso. ')).toBe(sentenceId('It said so.'));
    expect(sentenceId('It said so.', 'q-')).toMatch(/^q-[0-9a-z]{7,}$/);
  });
});
