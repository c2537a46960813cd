import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { casual } from 'chrono-node/en';
import type { Parser, ParsingContext } from 'chrono-node';
import { describe, expect, test } from 'vitest';
import { PARSER_PRECHECKS, prechecked } from '../../src/pipeline/chrono/parser-prechecks.ts';

const context = { text: '', option: {} } as unknown as ParsingContext;
const patternOf = (parser: Parser) => parser.pattern(context);
const parsers = casual.parsers.filter((parser) => PARSER_PRECHECKS.has(parser.constructor.name));

/** The patterns each precheck was worked out from. A change means the precheck must be checked again. */
const PINNED: Record<string, string> = {
  ENYearMonthDayParser: '81d3ba077c548f50',
  ISOFormatParser: '0bcce0e3706dab6a',
  SlashDateFormatParser: 'a6ed09881f909e85',
  ENMonthNameLittleEndianParser: 'b14d5aad07cecfd3',
  ENMonthNameMiddleEndianParser: '10a66a5b63a78c43',
  ENWeekdayParser: 'f6ca32522a7d559f',
  ENSlashMonthFormatParser: 'de51617ec404266e',
  ENTimeExpressionParser: '637e705f793fac54',
  ENTimeUnitAgoFormatParser: '1c1d2693b64e895c',
  ENTimeUnitLaterFormatParser: 'f1a0a2ed282dffa0',
  ENYearMonthNameParser: 'a4000dbef75e6165',
  ENCasualDateParser: 'a560442935791abd',
  ENCasualTimeParser: 'ff6103b3d8640962',
  ENEndOfCurrentMonthParser: 'c38a0be3488e7399',
  ENMonthNameParser: 'e77adf0779401cbd',
  ENRelativeDateFormatParser: 'dc016e8d2d8d17ae',
  ENTimeUnitCasualRelativeFormatParser: '346795e6257470a1',
};

/** Words chrono reads, pieces of them, and what sits around them in prose. */
const PIECES = [
  ' ', ' ', ' ', ',', '.', '-', '/', ':', '(', ')', '+', '’', 'a', 'an', 'the', 'in', 'on', 'of', 'for', 'within', 'at', 'from',
  'Jan', 'jan.', 'May', 'may', 'March', 'mar', 'Sept.', 'sep', 'dec', 'Monday', 'mon', 'sun', 'Thurs.', 'weekend', 'week',
  'first', 'second', 'twenty-first', 'thirty first', '1', '3', '12', '31', '2019', '05', '3pm', 'am', 'p.m.', 'o’clock',
  'ago', 'before', 'earlier', 'later', 'after', 'from now', 'out', 'forward', 'this', 'last', 'past', 'next', 'now', 'today',
  'tonight', 'tmr', 'yesterday', 'tomorrow', 'morning', 'night', 'noon', 'midday', 'month', 'end', 'day', 'year', 'y', 'd',
  'h', 'm', 's', 'w', 'few', 'several', 'couple', 'half', 'three', 'BC', 'AD', 'T', 'Z', 'ſ', 'K', 'İ',
];
const prose = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((pieces) => pieces.join(''));

describe('parser prechecks', () => {
  test('every prechecked parser is one of chrono’s English parsers', () => {
    expect(parsers.map((parser) => parser.constructor.name).sort()).toEqual([...PARSER_PRECHECKS.keys()].sort());
  });

  test('the parsers’ patterns are those the prechecks were worked out from', () => {
    for (const parser of parsers) {
      const pattern = patternOf(parser);
      const hash = createHash('sha256').update(`${pattern.source}/${pattern.flags}`).digest('hex').slice(0, 16);
      expect(hash, parser.constructor.name).toBe(PINNED[parser.constructor.name]);
    }
  });

  test('a text a parser’s pattern matches passes its precheck', () => {
    fc.assert(
      fc.property(prose, (text) => {
        for (const parser of parsers) {
          const pattern = new RegExp(patternOf(parser).source, patternOf(parser).flags);
          if (pattern.test(text)) expect(PARSER_PRECHECKS.get(parser.constructor.name)?.test(text), `${parser.constructor.name}: ${text}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('chrono finds the same with the prechecks as without', () => {
    const plain = casual.clone();
    const checked = casual.clone();
    checked.parsers = checked.parsers.map((parser) => {
      const precheck = PARSER_PRECHECKS.get(parser.constructor.name);
      return precheck ? prechecked(parser, precheck) : parser;
    });
    const reference = new Date(Date.UTC(2019, 2, 22, 12));
    const read = (text: string, chrono: typeof casual) =>
      chrono.parse(text, reference).map((result) => ({ index: result.index, text: result.text, start: result.start.date().getTime(), end: result.end?.date().getTime() }));
    fc.assert(
      fc.property(prose, (text) => {
        expect(read(text, checked)).toEqual(read(text, plain));
      }),
      { numRuns: 1000 },
    );
    expect(read('Three days ago, on Monday 5 March 2019 at 3pm, it said so.', checked)).toEqual(read('Three days ago, on Monday 5 March 2019 at 3pm, it said so.', plain));
    expect(read('Three days ago, on Monday 5 March 2019 at 3pm, it said so.', checked).length).toBeGreaterThan(0);
  });
});

describe('prechecked', () => {
  test('parsers sharing a precheck each get its answer for the text they are given', () => {
    const digit = /[0-9]/;
    const seen: string[] = [];
    const parser = (name: string): Parser => ({
      pattern: () => {
        seen.push(name);
        return /x/;
      },
      extract: () => null,
    });
    const first = prechecked(parser('first'), digit);
    const second = prechecked(parser('second'), digit);
    const at = (text: string) => ({ text, option: {} }) as unknown as ParsingContext;
    first.pattern(at('on 5 March'));
    second.pattern(at('on 5 March'));
    first.pattern(at('in March'));
    second.pattern(at('in March'));
    second.pattern(at('at 3pm'));
    first.pattern(at('at 3pm'));
    expect(seen).toEqual(['first', 'second', 'second', 'first']);
  });

  test('a precheck that keeps a position between searches is refused', () => {
    const parser: Parser = { pattern: () => /x/, extract: () => null };
    expect(() => prechecked(parser, /[0-9]/g)).toThrow(TypeError);
    expect(() => prechecked(parser, /[0-9]/y)).toThrow(TypeError);
  });
});
