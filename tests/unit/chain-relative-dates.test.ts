import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainRelativeDates, type ChainableSentence } from '../../src/pipeline/chain-relative-dates.ts';
import type { ContentProblem } from '../../src/pipeline/content-error.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { parseArticleFile } from '../../src/pipeline/read-content.ts';
import type { DateExpression, PartialDate } from '../../src/pipeline/types.ts';

function render(body: string, published = '2025-07-02') {
  const problems: ContentProblem[] = [];
  const front = ['---', 'title: A story', 'outlet: Example News', `published: ${published}`, '---', ''].join('\n');
  const source = parseArticleFile(front + body, 'articles/story.md', 'story.md', problems);
  expect(problems).toEqual([]);
  return processArticle(source!);
}

/** Each sentence's expressions as [text, date value or null]. */
function datesOf(body: string, published?: string): Array<Array<[string, string | null]>> {
  return render(body, published).sentences.map((sentence) => sentence.dates.map((d): [string, string | null] => [d.text, d.date?.value ?? null]));
}

const unresolved = (text: string): DateExpression => ({ text, index: 0, date: null, reason: 'counts from another event' });
const stated = (text: string, date: PartialDate): DateExpression => ({ text, index: 0, date });

describe('durations counted from the date told just before', () => {
  it('dates "A week later" and "Two days later" from the sentence before, one after the other', () => {
    expect(
      datesOf('The first fire broke out in Harlow on 3 June.\n\nA week later, a pump caught fire in Brill.\n\nTwo days later, the fire service issued a warning.\n'),
    ).toEqual([[['3 June', '2025-06-03']], [['A week later', '2025-06-10']], [['Two days later', '2025-06-12']]]);
  });

  it('counts earlier as well as later, and keeps the precision the duration allows', () => {
    expect(datesOf('The regulator opened an inquiry on 16 June. Two days earlier, the firm had stopped sales.\n')).toEqual([
      [['16 June', '2025-06-16']],
      [['Two days earlier', '2025-06-14']],
    ]);
    expect(datesOf('The plant opened in March 2019. Three months later it flooded. Two years later it closed.\n')).toEqual([
      [['March 2019', '2019-03']],
      [['Three months later', '2019-06']],
      [['Two years later', '2021']],
    ]);
  });

  it('dates "the next day" from the date before it, not from the publication', () => {
    expect(datesOf('The system failed on Monday 6 October. The next day, engineers were called in.\n', '2025-10-15')).toEqual([
      [['Monday 6 October', '2025-10-06']],
      [['next day', '2025-10-07']],
    ]);
  });

  it('dates "the following day" and "the following morning" as "the next day", and nothing in "the following day-trip"', () => {
    expect(datesOf('Cracks were found on Tuesday 2 September. The bridge was closed at 6 p.m. the following day.\n\nIt reopened the following morning.\n', '2025-09-18')).toEqual([
      [['Tuesday 2 September', '2025-09-02']],
      [['following day', '2025-09-03']],
      [['following morning', '2025-09-04']],
    ]);
    expect(datesOf('The school cancelled the following day-trip.\n', '2025-09-18')).toEqual([[]]);
  });

  it('leaves a duration unresolved, with its warning, when nothing near before it is dated', () => {
    const article = render('Residents were told to leave.\n\nA week later, they returned.\n');
    expect(article.sentences[1]?.dates).toEqual([expect.objectContaining({ text: 'A week later', date: null })]);
    expect(article.messages.some((message) => message.ruleId === 'unresolved-date' && message.reason.includes('A week later'))).toBe(true);
  });

  it('counts only from a date at least as fine as its unit, and never from an approximate one', () => {
    const month: PartialDate = { value: '2025-06', precision: 'month', approximate: false };
    const hedged: PartialDate = { value: '2025-06-03', precision: 'day', approximate: true };
    const [, fromMonth] = chainRelativeDates([
      { id: 'a', block: 0, dates: [stated('in June', month)] },
      { id: 'b', block: 1, dates: [unresolved('two days later')] },
    ]);
    expect(fromMonth?.dates[0]?.date).toBeNull();
    const [, fromHedged] = chainRelativeDates([
      { id: 'a', block: 0, dates: [stated('about 3 June', hedged)] },
      { id: 'b', block: 1, dates: [unresolved('a week later')] },
    ]);
    expect(fromHedged?.dates[0]?.date).toBeNull();
  });

  it('does not reach back more than three blocks, nor across a revision', () => {
    const day: PartialDate = { value: '2025-06-03', precision: 'day', approximate: false };
    const far = chainRelativeDates([
      { id: 'a', block: 0, dates: [stated('3 June', day)] },
      { id: 'b', block: 4, dates: [unresolved('a week later')] },
    ]);
    expect(far[1]?.dates[0]?.date).toBeNull();
    const revised = chainRelativeDates([
      { id: 'a', block: 0, dates: [stated('3 June', day)] },
      { id: 'b', block: 1, update: '2025-06-20', dates: [unresolved('a week later')] },
    ]);
    expect(revised[1]?.dates[0]?.date).toBeNull();
  });

  it('flags a vague or hedged count approximate', () => {
    const day: PartialDate = { value: '2025-06-03', precision: 'day', approximate: false };
    const out = chainRelativeDates([
      { id: 'a', block: 0, dates: [stated('3 June', day)] },
      { id: 'b', block: 0, dates: [unresolved('a few days later')] },
    ]);
    expect(out[1]?.dates[0]?.date).toEqual({ value: '2025-06-06', precision: 'day', approximate: true });
  });

  it('leaves sentences without such a duration as they were, and never reorders expressions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: fc.constantFrom('3 June', 'in 2019', 'yesterday', 'the day before the vote'), dated: fc.boolean() }), { maxLength: 6 }),
        (rows) => {
          const sentences: ChainableSentence[] = rows.map((row, block) => ({
            id: `s${block}`,
            block,
            dates: [row.dated ? stated(row.text, { value: '2020-01-01', precision: 'day', approximate: false }) : unresolved(row.text)],
          }));
          const out = chainRelativeDates(sentences);
          out.forEach((sentence, i) => expect(sentence).toBe(sentences[i]));
        },
      ),
    );
  });

  it('moves a day by exactly the count, across month and year ends', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (from, count, later) => {
        const value = from.toISOString().slice(0, 10);
        const [, out] = chainRelativeDates([
          { id: 'a', block: 0, dates: [stated(value, { value, precision: 'day', approximate: false })] },
          { id: 'b', block: 0, dates: [unresolved(`${count} days ${later ? 'later' : 'earlier'}`)] },
        ]);
        const expected = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + (later ? count : -count)));
        expect(out?.dates[0]?.date).toEqual({ value: expected.toISOString().slice(0, 10), precision: 'day', approximate: false });
      }),
    );
  });
});
