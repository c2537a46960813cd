import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { datesResolver, resolveDates } from '../../src/pipeline/resolve-dates.ts';
import type { DateExpression, PartialDate, Precision, ReferenceDate } from '../../src/pipeline/types.ts';

const PRECISIONS: Precision[] = ['year', 'month', 'day', 'time'];

function known(value: string, precision: Precision, approximate = false): ReferenceDate {
  return { kind: 'known', date: { value, precision, approximate } };
}

function date(value: string, precision: Precision, approximate = false): PartialDate {
  return { value, precision, approximate };
}

/** The expression `text` where it first stands in `sentence`. */
function found(sentence: string, text: string, resolved: PartialDate): DateExpression {
  return { text, index: sentence.indexOf(text), date: resolved };
}

/** Friday, 22 March 2019: the publication date most examples resolve against. */
const friday = known('2019-03-22', 'day');

function resolveOne(sentence: string, reference: ReferenceDate = friday): DateExpression {
  const expressions = resolveDates(sentence, reference);
  expect(expressions).toHaveLength(1);
  const [expression] = expressions;
  if (!expression) throw new Error('unreachable');
  return expression;
}

describe('resolveDates against a publication day', () => {
  test('resolves "March 23" with the year of the reference', () => {
    const sentence = 'The update arrives on March 23.';
    expect(resolveOne(sentence)).toEqual(found(sentence, 'March 23', date('2019-03-23', 'day')));
  });

  test('resolves "22 March 2019" to a day', () => {
    expect(resolveOne('It was confirmed on 22 March 2019.').date).toEqual(date('2019-03-22', 'day'));
  });

  test('resolves "March 22, 2019" to a day', () => {
    expect(resolveOne('It was confirmed on March 22, 2019.').date).toEqual(date('2019-03-22', 'day'));
  });

  test('resolves a bare year after "in", which chrono alone misses', () => {
    const sentence = 'The phones went on sale in 2016.';
    expect(resolveOne(sentence)).toEqual(found(sentence, '2016', date('2016', 'year')));
  });

  test.each(['since', 'by', 'from', 'until'])('resolves a bare year after "%s"', (word) => {
    expect(resolveOne(`It has been that way ${word} 2016, the firm said.`).date).toEqual(date('2016', 'year'));
  });

  test('resolves "February 2019" to a month', () => {
    expect(resolveOne('The fix shipped in February 2019.').date).toEqual(date('2019-02', 'month'));
  });

  test('resolves "in February" to the most recent February not after the reference', () => {
    const sentence = 'The fix shipped in February.';
    expect(resolveOne(sentence)).toEqual(found(sentence, 'February', date('2019-02', 'month')));
  });

  test('resolves "in August" to the August of the year before when August is still ahead', () => {
    expect(resolveOne('The phones launched in August.').date).toEqual(date('2018-08', 'month'));
  });

  test('resolves "yesterday" to the day before the reference', () => {
    expect(resolveOne('The company said yesterday that it was fixed.').date).toEqual(date('2019-03-21', 'day'));
  });

  test('resolves "today" to the reference day', () => {
    expect(resolveOne('The ombudsman opened an inquiry today.').date).toEqual(date('2019-03-22', 'day'));
  });

  test('resolves "on Thursday" to the Thursday before publication', () => {
    const sentence = 'Orbis said on Thursday that the data was sent by mistake.';
    expect(resolveOne(sentence)).toEqual(found(sentence, 'Thursday', date('2019-03-21', 'day')));
  });

  test('resolves "on Thursday" to the previous week when publication is on a Monday', () => {
    expect(resolveOne('It said on Thursday that nothing was shared.', known('2019-03-18', 'day')).date).toEqual(
      date('2019-03-14', 'day'),
    );
  });

  test('resolves a weekday that a plan in its clause looks ahead to as the next such day', () => {
    // Published on Monday 18 March 2019.
    const monday = known('2019-03-18', 'day');
    expect(resolveOne('The chief executive is due to answer questions from a committee on Tuesday.', monday).date).toEqual(date('2019-03-19', 'day'));
    expect(resolveOne('The regulator will publish its findings on Thursday.', monday).date).toEqual(date('2019-03-21', 'day'));
    expect(resolveOne("The board says it'll meet on Monday.", monday).date).toEqual(date('2019-03-25', 'day'));
    // A report of the past stays in the past, even with a plan elsewhere in the sentence.
    expect(resolveOne('It will review the plant, the mayor said on Thursday.', monday).date).toEqual(date('2019-03-14', 'day'));
    expect(resolveOne('The company, which will appeal, was fined on Friday.', monday).date).toEqual(date('2019-03-15', 'day'));
  });

  test('reads a bare month that a plan in its clause looks ahead to as the next such month', () => {
    // Published on Monday 18 March 2019.
    const monday = known('2019-03-18', 'day');
    expect(resolveOne('The inquiry said it would publish its findings in November.', monday).date).toEqual(date('2019-11', 'month'));
    expect(resolveOne('The regulator will report in March.', monday).date).toEqual(date('2019-03', 'month'));
    expect(resolveOne('The plant is due to reopen in February.', monday).date).toEqual(date('2020-02', 'month'));
    // A report of the past keeps the last such month.
    expect(resolveOne('The inspectors visited the plant in November.', monday).date).toEqual(date('2018-11', 'month'));
    expect(resolveOne('It will appeal, the company said in November.', monday).date).toEqual(date('2018-11', 'month'));
  });

  test('resolves "on Friday" to the reference itself when publication is on a Friday', () => {
    expect(resolveOne('The regulator said on Friday it would look into it.').date).toEqual(date('2019-03-22', 'day'));
  });

  test('resolves "since May", which chrono alone drops outside "in May"', () => {
    expect(resolveOne('The phones have been affected since May.').date).toEqual(date('2018-05', 'month'));
  });

  test('resolves "last night" to the day before the reference', () => {
    expect(resolveOne('The company confirmed it last night.').date).toEqual(date('2019-03-21', 'day'));
  });

  test('resolves "the day before yesterday" to two days before the reference', () => {
    expect(resolveOne('It was spotted the day before yesterday.').date).toEqual(date('2019-03-20', 'day'));
  });

  test('resolves "two days after March 5" by counting from March 5', () => {
    expect(resolveOne('The server was shut down two days after March 5.').date).toEqual(date('2019-03-07', 'day'));
  });

  test('resolves "a week before March 5, 2019" by counting from that date', () => {
    expect(resolveOne('The bug was introduced a week before March 5, 2019.').date).toEqual(date('2019-02-26', 'day'));
  });

  test('resolves "last month" to a month', () => {
    expect(resolveOne('The issue was reported last month.').date).toEqual(date('2019-02', 'month'));
  });

  test('resolves "last month" from the 31st to the month before, not past its end', () => {
    expect(resolveOne('The issue was reported last month.', known('2019-03-31', 'day')).date).toEqual(date('2019-02', 'month'));
  });

  test('resolves "last year" to a year', () => {
    expect(resolveOne('The phones were sold last year.').date).toEqual(date('2018', 'year'));
  });

  test('resolves "earlier this year" to an approximate year', () => {
    const sentence = 'The flaw was fixed earlier this year.';
    expect(resolveOne(sentence)).toEqual(found(sentence, 'earlier this year', date('2019', 'year', true)));
  });

  test('resolves "a few days ago" to an approximate day about three days back', () => {
    expect(resolveOne('Users noticed it a few days ago.').date).toEqual(date('2019-03-19', 'day', true));
  });

  test('resolves "between 1 and 14 June 2018" to the span, as "1 to 14 June 2018", not to its last day', () => {
    const sentence = 'The batteries were built between 1 and 14 June 2018, the company said.';
    expect(resolveOne(sentence)).toEqual(found(sentence, '1 and 14 June 2018', date('2018-06', 'month', true)));
    expect(resolveOne('They were built from 1 to 14 June 2018.').date).toEqual(date('2018-06', 'month', true));
    // Not a span of days: a count, or a first number past the day.
    expect(resolveOne('Between 2 and 3 people were hurt on 4 March.').date).toEqual(date('2019-03-04', 'day'));
    expect(resolveOne('It happened between 14 and 2 March.').date).toEqual(date('2019-03-02', 'day'));
  });

  test('resolves "at the end of February" to a month', () => {
    const sentence = 'A patch was released at the end of February.';
    expect(resolveOne(sentence)).toEqual(found(sentence, 'end of February', date('2019-02', 'month')));
  });

  test('resolves "in March last year" as one expression in the year before', () => {
    const sentence = 'The phones were sold in March last year.';
    expect(resolveDates(sentence, friday)).toEqual([found(sentence, 'March last year', date('2018-03', 'month'))]);
  });

  test('resolves "March 22, 2019 12:17 PM IST" to a time with its offset', () => {
    expect(resolveOne('Posted March 22, 2019 12:17 PM IST.').date).toEqual(date('2019-03-22T12:17+05:30', 'time'));
  });

  test('resolves a time without a stated zone without an offset', () => {
    expect(resolveOne('Posted March 22, 2019 at 12:17 PM.').date).toEqual(date('2019-03-22T12:17', 'time'));
  });

  test('resolves "last week" to the Monday that starts it, approximately', () => {
    expect(resolveOne('The bug was found last week.').date).toEqual(date('2019-03-11', 'day', true));
  });

  test('resolves "this week" to the Monday that starts it, approximately', () => {
    expect(resolveOne('The update rolls out this week.').date).toEqual(date('2019-03-18', 'day', true));
  });

  test.each(['It was recently fixed.', 'The company just recently confirmed it.'])('finds no date in "%s"', (sentence) => {
    expect(resolveDates(sentence, friday)).toEqual([]);
  });

  test('resolves "by March end" to a month', () => {
    const sentence = 'All phones will be patched by March end.';
    expect(resolveOne(sentence)).toEqual(found(sentence, 'March end', date('2019-03', 'month')));
  });

  test('resolves "end of March" to a month', () => {
    expect(resolveOne('The patch is due at the end of March.').date).toEqual(date('2019-03', 'month'));
  });

  test('resolves "last March" to the March before the reference month', () => {
    const sentence = 'The phones launched last March.';
    expect(resolveOne(sentence)).toEqual(found(sentence, 'last March', date('2018-03', 'month')));
  });

  test('resolves "early March" to a month and keeps the qualifier in the text', () => {
    const sentence = 'Reports surfaced in early March.';
    expect(resolveOne(sentence)).toEqual(found(sentence, 'early March', date('2019-03', 'month')));
  });

  test('resolves "the second half of 2018" to a year', () => {
    expect(resolveOne('Sales grew in the second half of 2018.').date).toEqual(date('2018', 'year'));
  });

  test('resolves "mid-2018" to a year', () => {
    const sentence = 'The models were introduced in mid-2018.';
    expect(resolveOne(sentence)).toEqual(found(sentence, 'mid-2018', date('2018', 'year')));
  });

  test('resolves both ends of "from 2016 to 2018" as separate years', () => {
    expect(resolveDates('The models were sold from 2016 to 2018.', friday).map((expression) => expression.date)).toEqual([
      date('2016', 'year'),
      date('2018', 'year'),
    ]);
  });

  test('resolves a date stamped with a time in parentheses to that time', () => {
    const sentence = 'Update, March 22, 2019 (1:50AM): Orbis Mobile responded.';
    expect(resolveOne(sentence)).toEqual(found(sentence, 'March 22, 2019 (1:50AM)', date('2019-03-22T01:50', 'time')));
  });

  test('leaves "two days later" unresolved, since it counts from another event', () => {
    const expression = resolveOne('The server was shut down two days later.');
    expect(expression.date).toBeNull();
    expect(expression.reason).toMatch(/another event/);
  });

  test('flags a hedged duration approximate', () => {
    expect(resolveOne('It was first seen about two weeks ago.').date).toEqual(date('2019-03-08', 'day', true));
  });

  test('returns several expressions ordered by index, each text as it stands in the sentence', () => {
    const sentence = 'Sold since 2018, the phones were patched in February and the regulator spoke on Thursday.';
    const expressions = resolveDates(sentence, friday);
    expect(expressions.map((expression) => expression.text)).toEqual(['2018', 'February', 'Thursday']);
    for (const expression of expressions) {
      expect(sentence.slice(expression.index, expression.index + expression.text.length)).toBe(expression.text);
    }
  });
});

describe('resolveDates and times of day', () => {
  test('skips a time of day written without a date', () => {
    expect(resolveDates('The statement came at 1:50AM.', friday)).toEqual([]);
  });

  test('resolves a time of day on the reference day when asked to', () => {
    const sentence = 'The statement came at 1:50AM.';
    expect(resolveDates(sentence, friday, { timeOfDay: true })).toEqual([found(sentence, '1:50AM', date('2019-03-22T01:50', 'time'))]);
  });

  test('resolves "this morning" to the reference day', () => {
    expect(resolveOne('The company responded this morning.').date).toEqual(date('2019-03-22', 'day'));
  });
});

describe('resolveDates and time zones', () => {
  test('resolves "yesterday" in the calendar of the reference offset east of UTC', () => {
    expect(resolveOne('It was fixed yesterday.', known('2019-03-22T01:17+05:30', 'time')).date).toEqual(date('2019-03-21', 'day'));
  });

  test('resolves "yesterday" in the calendar of the reference offset west of UTC', () => {
    expect(resolveOne('It was fixed yesterday.', known('2019-03-21T23:30-04:00', 'time')).date).toEqual(date('2019-03-20', 'day'));
  });

  test('resolves "three hours ago" with the offset of the reference', () => {
    expect(resolveOne('It went down three hours ago.', known('2019-03-22T01:17+05:30', 'time')).date).toEqual(
      date('2019-03-21T22:17+05:30', 'time'),
    );
  });

  test('resolves "three hours ago" against a floating reference without an offset', () => {
    expect(resolveOne('It went down three hours ago.', known('2019-03-22T00:30', 'time')).date).toEqual(
      date('2019-03-21T21:30', 'time'),
    );
  });

  test('resolves "last night" in the calendar of the reference offset, whatever the hour', () => {
    expect(resolveOne('It was fixed last night.', known('2019-03-22T03:00+05:30', 'time')).date).toEqual(date('2019-03-21', 'day'));
  });

  test('resolves "three hours ago" from a wall-clock time that American clocks skip', () => {
    expect(resolveOne('It went down three hours ago.', known('2019-03-10T02:30', 'time')).date).toEqual(date('2019-03-09T23:30', 'time'));
  });

  test('resolves "yesterday" across the change to daylight saving time in America', () => {
    expect(resolveOne('It was fixed yesterday.', known('2019-03-11', 'day')).date).toEqual(date('2019-03-10', 'day'));
  });

  test('resolves "yesterday" across the change back from daylight saving time in America', () => {
    expect(resolveOne('It was fixed yesterday.', known('2019-11-04T00:10', 'time')).date).toEqual(date('2019-11-03', 'day'));
  });

  test('resolves "last week" across the change to daylight saving time in Europe', () => {
    expect(resolveOne('It was found last week.', known('2019-04-01', 'day')).date).toEqual(date('2019-03-25', 'day', true));
  });
});

describe('resolveDates and the precision of the reference', () => {
  const march = known('2019-03', 'month');
  const year2019 = known('2019', 'year');

  test('resolves "last month" against a reference known to the month', () => {
    expect(resolveOne('It was reported last month.', march).date).toEqual(date('2019-02', 'month'));
  });

  test('resolves "today" against a reference known to the month to that month, approximately', () => {
    expect(resolveOne('It was reported today.', march).date).toEqual(date('2019-03', 'month', true));
  });

  test('resolves "yesterday" against a reference known to the month only to the year, since it may fall in the month before', () => {
    expect(resolveOne('It was reported yesterday.', march).date).toEqual(date('2019', 'year', true));
  });

  test('resolves "last year" against a reference known to the year', () => {
    expect(resolveOne('It was sold last year.', year2019).date).toEqual(date('2018', 'year'));
  });

  test('leaves "yesterday" unresolved against a reference known only to the year', () => {
    const expression = resolveOne('It was reported yesterday.', year2019);
    expect(expression.date).toBeNull();
    expect(expression.reason).toMatch(/"yesterday"/);
  });

  test('leaves "March 23" unresolved against a reference known only to the year, since the nearest March 23 may fall in the next year', () => {
    expect(resolveOne('It arrives on March 23.', year2019).date).toBeNull();
  });

  test('resolves "yesterday" against a reference known to the minute to a day, not a time', () => {
    expect(resolveOne('It was reported yesterday.', known('2019-03-22T12:17+05:30', 'time')).date).toEqual(
      date('2019-03-21', 'day'),
    );
  });

  test('flags relative expressions approximate when the reference is itself approximate', () => {
    const reference = known('2019-03-22', 'day', true);
    expect(resolveDates('It was found yesterday and fixed on 22 March 2019.', reference).map((expression) => expression.date)).toEqual([
      date('2019-03-21', 'day', true),
      date('2019-03-22', 'day'),
    ]);
  });
});

describe('resolveDates against a bounded reference', () => {
  const week = { kind: 'bounded', after: '2019-03-20', before: '2019-03-26' } as const;

  test('resolves "last month" to a month when both ends agree', () => {
    expect(resolveOne('It was reported last month.', week).date).toEqual(date('2019-02', 'month'));
  });

  test('reduces "yesterday" to the month both ends agree on, approximately', () => {
    expect(resolveOne('It was reported yesterday.', week).date).toEqual(date('2019-03', 'month', true));
  });

  test('reduces "last month" to the year when the ends straddle a month', () => {
    const reference = { kind: 'bounded', after: '2019-03-30', before: '2019-04-02' } as const;
    expect(resolveOne('It was reported last month.', reference).date).toEqual(date('2019', 'year', true));
  });

  test('leaves "yesterday" unresolved when the ends straddle a new year', () => {
    const reference = { kind: 'bounded', after: '2018-12-30', before: '2019-01-04' } as const;
    const expression = resolveOne('It was reported yesterday.', reference);
    expect(expression.date).toBeNull();
    expect(expression.reason).toMatch(/between 2018-12-30 and 2019-01-04/);
  });

  test('resolves absolute expressions without needing the reference', () => {
    expect(resolveOne('It was fixed on 22 March 2019.', week).date).toEqual(date('2019-03-22', 'day'));
  });

  test('leaves relative expressions unresolved when the interval is open-ended', () => {
    const expression = resolveOne('It was fixed last year.', { kind: 'bounded', after: '2019-03-20' });
    expect(expression.date).toBeNull();
    expect(expression.reason).toMatch(/on or after 2019-03-20/);
  });
});

describe('resolveDates against an unknown reference', () => {
  const unknown = { kind: 'unknown' } as const;

  test.each([
    ['It was fixed on 22 March 2019.', date('2019-03-22', 'day')],
    ['The phones went on sale in 2016.', date('2016', 'year')],
    ['The fix shipped in February 2019.', date('2019-02', 'month')],
  ])('resolves the absolute expression in "%s"', (sentence, expected) => {
    expect(resolveOne(sentence, unknown).date).toEqual(expected);
  });

  test.each(['It was fixed yesterday.', 'It was sold last year.', 'Orbis said on Thursday it was fixed.', 'It arrives on March 23.'])(
    'leaves the relative expression in "%s" unresolved, with a reason',
    (sentence) => {
      const expression = resolveOne(sentence, unknown);
      expect(expression.date).toBeNull();
      expect(expression.reason).toBe(`the article has no publication date to resolve "${expression.text}" against`);
    },
  );

  test('treats a malformed reference like an unknown one', () => {
    const reference = known('22/03/2019', 'day');
    expect(resolveOne('It was fixed on 22 March 2019.', reference).date).toEqual(date('2019-03-22', 'day'));
    expect(resolveOne('It was fixed yesterday.', reference).date).toBeNull();
  });
});

describe('resolveDates on news prose that holds no date', () => {
  test.each([
    'Some phones may have sent data to a server.',
    'It may have landed, the company may say.',
    'The Lumen 7 Plus and the Lumen 8 Zephyr were affected.',
    'Owners of the Orbis S10, the Kestrel Note 7, the Vela 3a and the Tablet X were not.',
    'About 4 million devices were sold.',
    'It has a 100-megapixel camera.',
    'Support is available 24/7.',
    'The 5G model arrives later.',
    'It runs Skyline OS 9 with patch 3.39.',
    'The fix came in the second half.',
    'Here is our first look at the phone.',
    'Only one batch was affected.',
    'Call +358 40 123 4567 or 555-123-4567 for details.',
    'The build 00WW_3_39B_SP03 fixed it.',
    'Version 1.21.2019 is out.',
    'It had grown by 2000 people.',
    'Half of the 1/2 million units shipped.',
    'He sat down with the Sun to talk about it.',
    'Theresa May and April Weston met the Orbis team.',
    'The data was sent every 24 hours.',
    'The company is now investigating.',
    // A distance, not "within 15 minutes".
    'The scour hole cut back to within about 15 m of the embankment.',
    'The ferry sank 2 h from the coast, in 40 m of water.',
    // Durations, which chrono counts forward from the reference.
    'Ortega had worked for the railroad for 19 years, co-workers said.',
    'The line was closed for two weeks.',
    'He was held for three hours.',
  ])('finds no date in "%s"', (sentence) => {
    expect(resolveDates(sentence, friday)).toEqual([]);
  });

  test('keeps the month of a product update and drops the model number before it', () => {
    const sentence = 'The Vireo 10 May 2019 Update is out.';
    expect(resolveOne(sentence)).toEqual(found(sentence, 'May 2019', date('2019-05', 'month')));
  });

  test('keeps a month name led by a preposition, next to a capitalised name', () => {
    expect(resolveOne('In June Orbis shipped the fix.').date).toEqual(date('2018-06', 'month'));
  });
});

describe('resolveDates on dates news prose writes in words', () => {
  test('dates "the evening of 2 March" to the day it names, not to the reference', () => {
    const sentence = 'On the evening of 2 March, slabs of the spillway broke away.';
    expect(resolveOne(sentence, known('2025-03-10T11:05', 'time'))).toEqual(found(sentence, 'evening of 2 March', date('2025-03-02', 'day')));
    expect(resolveOne('By the morning of March 3, 2024 the hole had grown.').date).toEqual(date('2024-03-03', 'day'));
    expect(resolveOne('The order came late on the night of 14 March.').date).toEqual(date('2019-03-14', 'day'));
  });

  test('reads "within 15 minutes" as a time still, while "within 15 m" is a distance', () => {
    expect(resolveDates('Crews arrived within 15 minutes.', known('2019-03-22T10:00', 'time'))).toHaveLength(1);
  });

  test('reads a year followed by its verb, or between "a" and a noun, and still not a count', () => {
    expect(resolveOne('An inspection carried out in 2021 found cracking in the slabs.').date).toEqual(date('2021', 'year'));
    expect(resolveOne('A study published in 2016 showed the risk.').date).toEqual(date('2016', 'year'));
    expect(resolveOne('But a 2021 inspection of the reservoir recommended repairs.').date).toEqual(date('2021', 'year'));
    expect(resolveDates('It had grown by 2000 people.', friday)).toEqual([]);
    expect(resolveDates('A 1000-strong crowd gathered.', friday)).toEqual([]);
  });
});

describe('resolveDates on input it cannot read', () => {
  test.each([
    ['an empty sentence', ''],
    ['a sentence of spaces', '   '],
  ])('returns nothing for %s', (_name, sentence) => {
    expect(resolveDates(sentence, friday)).toEqual([]);
  });

  test('returns nothing rather than throwing when the sentence is not a string', () => {
    expect(resolveDates(null as unknown as string, friday)).toEqual([]);
    expect(resolveDates(42 as unknown as string, friday)).toEqual([]);
  });

  test('resolves absolute expressions when the reference is not an object', () => {
    expect(resolveOne('It was fixed on 22 March 2019.', null as unknown as ReferenceDate).date).toEqual(date('2019-03-22', 'day'));
  });
});

const VALUE_PATTERN: Record<Precision, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-\d{2}$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?:[+-]\d{2}:\d{2})?$/,
};

const PHRASES = [
  'yesterday', 'today', 'on Thursday', 'last month', 'last year', 'earlier this year', 'a few days ago',
  'at the end of February', 'in March last year', 'last week', 'this week', 'March 23', '22 March 2019',
  'in 2016', 'February 2019', 'in February', 'three hours ago', 'March 22, 2019 12:17 PM IST', 'by March end',
  'two days later', 'recently', 'may', 'Note 7', '24/7', '1:50AM', 'from 2016 to 2018', 'last March',
];

/** Phrases whose every date component comes from the reference. */
const RELATIVE_PHRASES = [
  'yesterday', 'today', 'tonight', 'this morning', 'on Thursday', 'on Monday', 'last month', 'this month',
  'last year', 'this year', 'earlier this year', 'a few days ago', 'three days ago', 'two weeks ago',
  'a month ago', 'last week', 'this week', 'three hours ago', 'over the weekend',
];

/** Phrases resolved by a rule that moves forward with the reference, relative or mixed. */
const MONOTONE_PHRASES = [
  ...RELATIVE_PHRASES, 'March 23', 'December 30', 'in February', 'at the end of February', 'last March',
  'in March last year', 'by March end', '22 March 2019', 'in 2016',
];

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Instant {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const instantArb: fc.Arbitrary<Instant> = fc
  .record({
    year: fc.integer({ min: 1990, max: 2035 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  })
  .map((instant) => ({ ...instant, day: Math.min(instant.day, daysIn(instant.year, instant.month)) }));

function valueOf(instant: Instant, precision: Precision, offset: number | null = null): string {
  const day = `${instant.year}-${pad(instant.month)}-${pad(instant.day)}`;
  if (precision === 'year') return String(instant.year);
  if (precision === 'month') return day.slice(0, 7);
  if (precision === 'day') return day;
  if (offset === null) return `${day}T${pad(instant.hour)}:${pad(instant.minute)}`;
  const sign = offset < 0 ? '-' : '+';
  return `${day}T${pad(instant.hour)}:${pad(instant.minute)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

const offsetArb = fc.option(fc.integer({ min: -48, max: 56 }).map((quarters) => quarters * 15), { nil: null });

const knownReferenceArb: fc.Arbitrary<{ reference: ReferenceDate; precision: Precision }> = fc
  .record({ instant: instantArb, precision: fc.constantFrom(...PRECISIONS), offset: offsetArb, approximate: fc.boolean() })
  .map(({ instant, precision, offset, approximate }) => ({
    reference: known(valueOf(instant, precision, offset), precision, approximate),
    precision,
  }));

const referenceArb: fc.Arbitrary<ReferenceDate> = fc.oneof(
  knownReferenceArb.map(({ reference }) => reference),
  fc.record({ value: fc.string(), precision: fc.constantFrom(...PRECISIONS), approximate: fc.boolean() }).map(
    (partial): ReferenceDate => ({ kind: 'known', date: partial }),
  ),
  fc
    .record({ after: fc.option(instantArb, { nil: undefined }), before: fc.option(instantArb, { nil: undefined }) })
    .map(({ after, before }): ReferenceDate => ({
      kind: 'bounded',
      ...(after ? { after: valueOf(after, 'day') } : {}),
      ...(before ? { before: valueOf(before, 'day') } : {}),
    })),
  fc.record({ after: fc.string(), before: fc.string() }).map((bounds): ReferenceDate => ({ kind: 'bounded', ...bounds })),
  fc.constant<ReferenceDate>({ kind: 'unknown' }),
  fc.anything().map((value) => value as ReferenceDate),
);

const sentenceArb = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.array(fc.oneof(fc.constantFrom(...PHRASES), fc.string(), fc.constantFrom('The company said', 'it', ',', '.', '(', ')')), {
    maxLength: 8,
  }).map((parts) => parts.join(' ')),
);

describe('resolveDates, for arbitrary input', () => {
  test('never throws, and returns ordered expressions that stand verbatim in the sentence', () => {
    fc.assert(
      fc.property(sentenceArb, referenceArb, (sentence, reference) => {
        const expressions = resolveDates(sentence, reference);
        let end = 0;
        for (const expression of expressions) {
          expect(expression.text.length).toBeGreaterThan(0);
          expect(expression.text).toBe(sentence.slice(expression.index, expression.index + expression.text.length));
          expect(expression.index).toBeGreaterThanOrEqual(end);
          end = expression.index + expression.text.length;
          if (expression.date) expect(expression.date.value).toMatch(VALUE_PATTERN[expression.date.precision]);
          else expect(expression.reason).toEqual(expect.any(String));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('never resolves a relative expression more finely than the reference is known', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RELATIVE_PHRASES), knownReferenceArb, (phrase, { reference, precision }) => {
        for (const expression of resolveDates(`The company said ${phrase} that it was fixed.`, reference)) {
          if (expression.date) {
            expect(PRECISIONS.indexOf(expression.date.precision)).toBeLessThanOrEqual(PRECISIONS.indexOf(precision));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('resolves against a coarse reference only what holds for every instant inside it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MONOTONE_PHRASES),
        instantArb,
        fc.constantFrom<Precision>('year', 'month', 'day'),
        (phrase, instant, precision) => {
          const sentence = `The company said ${phrase} that it was fixed.`;
          const coarse = resolveDates(sentence, known(valueOf(instant, precision), precision));
          const fine = resolveDates(sentence, known(valueOf(instant, 'time'), 'time'));
          for (const expression of coarse) {
            if (!expression.date) continue;
            const match = fine.find((other) => other.index === expression.index && other.text === expression.text);
            const value = match?.date?.value ?? '';
            expect(value.slice(0, expression.date.value.length)).toBe(expression.date.value);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('datesResolver', () => {
  test('gives for each sentence what resolveDates gives against the same reference', () => {
    const sentences = [
      'On 22 March 2019 at 1:50AM the ferry sank.',
      'Yesterday the company said it would respond next week.',
      'Three days ago, on Monday, it said so.',
      'The report came out in February.',
      'Nothing here names a date.',
      '',
      '   ',
    ];
    const references: ReferenceDate[] = [
      known('2019-03-22T10:00:00Z', 'time'),
      known('2019-03-22', 'day'),
      known('2019-03', 'month', true),
      { kind: 'bounded', after: '2019-03-01', before: '2019-03-31' },
      { kind: 'unknown' } as unknown as ReferenceDate,
      null as unknown as ReferenceDate,
    ];
    for (const reference of references) {
      const resolve = datesResolver(reference);
      for (const sentence of sentences) expect(resolve(sentence), `${JSON.stringify(reference)}: ${sentence}`).toEqual(resolveDates(sentence, reference));
      const withTimes = datesResolver(reference, { timeOfDay: true });
      for (const sentence of sentences) expect(withTimes(sentence)).toEqual(resolveDates(sentence, reference, { timeOfDay: true }));
    }
  });

  test('never throws, whatever it is given', () => {
    const hostile = { get kind(): string { throw new Error('no'); } } as unknown as ReferenceDate;
    expect(datesResolver(hostile)('Yesterday it said so.')).toEqual([]);
    expect(resolveDates('Yesterday it said so.', hostile)).toEqual([]);
    expect(datesResolver(known('2019-03-22', 'day'))(42 as unknown as string)).toEqual([]);
  });
});
