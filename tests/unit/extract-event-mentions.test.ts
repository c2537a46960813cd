import { describe, expect, test } from 'vitest';
import { extractEventMentions } from '../../src/pipeline/extract-event-mentions.ts';
import type { Actor, ArticleAnalysis, DateExpression, DatedSentence, PartialDate, ReferenceDate } from '../../src/pipeline/types.ts';

// A made-up incident: customer records of the (fictional) Harbourline Savings Bank leak online.
const actors: Actor[] = [
  { id: 'harbourline', name: 'Harbourline Savings Bank', aliases: ['Harbourline', 'the bank'] },
  { id: 'inspectorate', name: 'Data Inspectorate', aliases: ['the inspectorate', 'the regulator'] },
];

const published: ReferenceDate = { kind: 'known', date: { value: '2024-03-22T09:30', precision: 'time', approximate: false } };

function day(value: string, approximate = false): PartialDate {
  return { value, precision: value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day', approximate };
}

/** A sentence with its date expressions located in its text. */
function sentence(id: string, text: string, dates: Array<[string, PartialDate | null]> = [], reference: ReferenceDate = published): DatedSentence {
  const expressions: DateExpression[] = dates.map(([phrase, date]) => {
    const index = text.indexOf(phrase);
    if (index < 0) throw new Error(`"${phrase}" is not in "${text}"`);
    return { text: phrase, index, date, ...(date ? {} : { reason: 'test' }) };
  });
  return { id, text, block: 0, blockType: 'p', reference, dates: expressions };
}

function article(...sentences: DatedSentence[]): ArticleAnalysis {
  return { source: 'harbour-herald', outlet: 'Harbour Herald', published, sentences };
}

function extract(...sentences: DatedSentence[]) {
  return extractEventMentions(article(...sentences), { actors });
}

describe('extractEventMentions', () => {
  test('turns a sentence with a resolved date into a mention dated by that expression', () => {
    const mentions = extract(sentence('s-1', 'Harbourline patched the flaw in its login server in February 2024.', [['in February 2024', day('2024-02')]]));
    expect(mentions).toEqual([
      {
        source: 'harbour-herald',
        anchor: 's-1',
        text: 'Harbourline patched the flaw in its login server in February 2024.',
        expression: 'in February 2024',
        date: day('2024-02'),
      },
    ]);
  });

  test('keeps the verbatim sentence text and the sentence id as anchor', () => {
    const text = 'On Monday, the bank’s customers found their records on a public forum.';
    const [mention] = extract(sentence('s-9x', text, [['On Monday', day('2024-03-18')]]));
    expect(mention?.text).toBe(text);
    expect(mention?.anchor).toBe('s-9x');
  });

  test('prefers the date of the happening over the date of the report that tells of it', () => {
    const [mention] = extract(
      sentence('s-2', 'According to a report in the Herald on Thursday, the records were copied in January 2024.', [
        ['on Thursday', day('2024-03-21')],
        ['in January 2024', day('2024-01')],
      ]),
    );
    expect(mention?.expression).toBe('in January 2024');
    expect(mention?.date).toEqual(day('2024-01'));
  });

  test('dates a report by its own date when the report is the only happening with a date', () => {
    const [mention] = extract(
      sentence('s-3', 'According to a report by the Herald on Thursday, customer records were exposed.', [['on Thursday', day('2024-03-21')]]),
    );
    expect(mention?.expression).toBe('on Thursday');
    expect(mention?.date).toEqual(day('2024-03-21'));
  });

  test('keeps an approximate expression approximate', () => {
    const [mention] = extract(sentence('s-4', 'A few days ago, a researcher found the exposed database.', [['A few days ago', day('2024-03-19', true)]]));
    expect(mention?.date).toEqual(day('2024-03-19', true));
  });

  test('ignores unresolved expressions and keeps a resolved one', () => {
    const [mention] = extract(
      sentence('s-5', 'The leak began at some point and was stopped on 4 March 2024.', [
        ['at some point', null],
        ['on 4 March 2024', day('2024-03-04')],
      ]),
    );
    expect(mention?.expression).toBe('on 4 March 2024');
  });

  test('finds an expression whose offset does not point at its text', () => {
    const text = 'The bank patched the flaw in February 2024.';
    const sentenceWithBadOffset: DatedSentence = { ...sentence('s-5b', text), dates: [{ text: 'in February 2024', index: 3, date: day('2024-02') }] };
    expect(extract(sentenceWithBadOffset)[0]?.expression).toBe('in February 2024');
  });

  test('anchors undated "the regulator has launched an investigation" at the report date, approximate', () => {
    const mentions = extract(sentence('s-6', 'The regulator has launched an investigation into the leak.'));
    expect(mentions).toEqual([
      { source: 'harbour-herald', anchor: 's-6', text: 'The regulator has launched an investigation into the leak.', date: day('2024-03-22', true) },
    ]);
    expect(mentions[0]).not.toHaveProperty('expression');
  });

  test('anchors a sentence of an update at the revision date it carries', () => {
    const revision: ReferenceDate = { kind: 'known', date: { value: '2024-03-23T18:05', precision: 'time', approximate: false } };
    const [mention] = extract(sentence('s-7', 'Harbourline has since issued a statement apologising to its customers.', [], revision));
    expect(mention?.date).toEqual(day('2024-03-23', true));
  });

  test.each([
    ['a statement issued', 'Harbourline issued a statement on its website.'],
    ['a response', 'The bank responded with a short note to customers.'],
    ['a confirmation by an actor', 'Harbourline has since confirmed that 40,000 accounts were affected.'],
    ['a report published', 'The Herald reported that the files included passport scans.'],
    ['a fix released', 'The flaw has been fixed, the company said.'],
    ['a fix beside a hypothetical', 'The flaw has been fixed, but the bank could face fines'],
    ['a patch released', 'The bank released a patch for its mobile app.'],
    ['an arrest', 'Police arrested a 19-year-old man in connection with the leak.'],
    ['a lawsuit filed', 'A group of customers filed a lawsuit against the bank.'],
    ['a fine imposed', 'The inspectorate imposed a fine of two million euros.'],
    ['a recall', 'The card maker recalled 3,000 faulty cards.'],
    ['an inquiry under way', 'The inspectorate is investigating whether the bank broke the law.'],
    ['a statement through a channel', 'Harbourline said in a statement that no money was taken.'],
  ])('anchors an undated key happening: %s', (_, text) => {
    const mentions = extract(sentence('s-8', text));
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.date).toEqual(day('2024-03-22', true));
  });

  test('anchors at the precision both bounds of a bounded report date agree on', () => {
    const bounded: ReferenceDate = { kind: 'bounded', after: '2024-03-21', before: '2024-12-31' };
    const [mention] = extract(sentence('s-9', 'The regulator has launched a probe into the bank.', [], bounded));
    expect(mention?.date).toEqual({ value: '2024', precision: 'year', approximate: true });
    const sameMonth: ReferenceDate = { kind: 'bounded', after: '2024-03-21', before: '2024-03-26' };
    expect(extract(sentence('s-9', 'The regulator has launched a probe into the bank.', [], sameMonth))[0]?.date).toEqual({
      value: '2024-03',
      precision: 'month',
      approximate: true,
    });
  });

  test('does not anchor an undated happening when the report date is unknown or only bounded on one side', () => {
    const text = 'The regulator has launched a probe into the bank.';
    expect(extract(sentence('s-10', text, [], { kind: 'unknown' }))).toEqual([]);
    expect(extract(sentence('s-10', text, [], { kind: 'bounded', after: '2024-03-21' }))).toEqual([]);
    expect(extract(sentence('s-10', text, [], { kind: 'bounded', after: '2023-12-30', before: '2024-01-02' }))).toEqual([]);
  });

  test.each([
    ['an opinion', 'Harbourline takes the privacy of its customers seriously.'],
    ['a generic statement', 'It’s not unheard of for banks to lose track of old backups.'],
    ['an industry practice', 'Keeping copies of identity documents is a standard practice in the industry.'],
    ['a question', 'So how did the records end up online?'],
    ['a hypothetical', 'The bank could face fines of up to four percent of its turnover.'],
    ['a promise of the outlet', 'We have contacted the bank and will update the article when it responds.'],
    ['background without a happening', 'Harbourline has around two million customers in the north.'],
    ['a denial of a happening', 'The bank has not issued a statement.'],
    ['a refusal', 'The bank declined to confirm how many customers were affected.'],
    ['a participle used as an adjective', 'The reported figures vary from one outlet to another.'],
    ['a confirmation by someone not named as an actor', 'A spokesperson for the hosting firm confirmed that the server was rented.'],
    ['a report of a speculation', 'A researcher reported that the cause could be a misconfigured backup.'],
    ['a happening inside a quotation', '“We have fixed the problem and informed the inspectorate,” a customer wrote.'],
  ])('makes no mention of %s', (_, text) => {
    expect(extract(sentence('s-11', text))).toEqual([]);
  });

  test('makes no mention of a future or hypothetical clause even with a date', () => {
    expect(extract(sentence('s-12', 'The inspectorate will publish its findings in June 2024.', [['in June 2024', day('2024-06')]]))).toEqual([]);
    expect(extract(sentence('s-13', 'If the bank had acted in 2022, the leak would not have happened.', [['in 2022', day('2022')]]))).toEqual([]);
  });

  test('makes no mention of a date after the report date', () => {
    expect(extract(sentence('s-14', 'The hearing takes place on 30 April 2024.', [['on 30 April 2024', day('2024-04-30')]]))).toEqual([]);
  });

  test('makes no mention of a sentence whose only date is the article’s dateline', () => {
    expect(extract(sentence('s-15', 'Updated March 22, 2024, 10:15 AM:', [['March 22, 2024, 10:15 AM', day('2024-03-22')]]))).toEqual([]);
    expect(extract(sentence('s-16', 'Published on 21 March 2024 by Harbour Herald staff', [['21 March 2024', day('2024-03-21')]]))).toEqual([]);
  });

  test('dates a wire story by its happening, not by the filing date of its dateline', () => {
    const [mention] = extract(
      sentence('s-30', 'PORT ELLIS, March 22 (Harbour Wire) - The bank’s servers went offline late on Thursday, the bank said.', [
        ['March 22', day('2024-03-22')],
        ['late on Thursday', day('2024-03-21')],
      ]),
    );
    expect(mention?.expression).toBe('late on Thursday');
    expect(mention?.date.value).toBe('2024-03-21');
  });

  test('does not date a sentence by the date of another happening its noun phrase names', () => {
    const [lawsuit] = extract(
      sentence('s-38', 'A customer filed the first lawsuit over the March 12 leak, her lawyers said.', [['March 12', day('2024-03-12')]]),
    );
    // Not dated 12 March: anchored at the report date, as an undated lawsuit filed.
    expect(lawsuit?.expression).toBeUndefined();
    expect(lawsuit?.date.approximate).toBe(true);
    // A date that is the phrase's own noun still dates the sentence.
    const [death] = extract(sentence('s-39', 'A third customer died over the weekend at the hospital.', [['weekend', day('2024-03-16')]]));
    expect(death?.expression).toBe('weekend');
  });

  test('makes no mention of the article\'s credits', () => {
    expect(extract(sentence('s-40', 'This story was reported by Harbour Wire.'))).toEqual([]);
    expect(extract(sentence('s-41', '(Reporting by Jane Roe; editing by Sam Lee)'))).toEqual([]);
  });

  test('makes a mention of a short sentence whose only other words are an actor and its verb', () => {
    const [mention] = extract(sentence('s-31', 'On Thursday, Harbourline resigned.', [['Thursday', day('2024-03-21')]]));
    expect(mention?.expression).toBe('Thursday');
  });

  test('makes no mention of what did not happen, of the article\'s own correction, or of a wish', () => {
    expect(extract(sentence('s-32', 'No customers were reported.'))).toEqual([]);
    expect(extract(sentence('s-33', 'Nobody was arrested.'))).toEqual([]);
    expect(extract(sentence('s-34', 'An earlier version of this article said 2,400 accounts had been suspended.'))).toEqual([]);
    expect(extract(sentence('s-35', 'This story has been corrected: the bank fined nobody.'))).toEqual([]);
    expect(extract(sentence('s-36', "I'd rather be evacuated for nothing than robbed for something."))).toEqual([]);
    // The same verbs in a sentence that reports them stay mentions.
    expect(extract(sentence('s-37', 'Two customers were reported to the police.'))).toHaveLength(1);
  });

  test('makes no mention of a dated clause whose subject denies the happening', () => {
    expect(extract(sentence('s-38', "Nothing about last month's breach was unusual in itself.", [["last month's", day('2024-02')]]))).toEqual([]);
    expect(extract(sentence('s-39', 'No ransom had been paid by Monday, the bank said.', [['Monday', day('2024-03-18')]]))).toEqual([]);
    // A negation later in the sentence does not deny the clause that dates the happening.
    expect(extract(sentence('s-40', 'The bank closed its app on Monday, and no customer lost money.', [['Monday', day('2024-03-18')]]))).toHaveLength(1);
  });

  test('makes no mention of a heading, or of a note about the article itself', () => {
    const heading = { ...sentence('s-41', 'The leak of 18 March', [['18 March', day('2024-03-18')]]), blockType: 'h2' };
    expect(extract(heading)).toEqual([]);
    expect(
      extract(sentence('s-42', "Editor's note: This story was first published by Coast Wire on Thursday 21 March and has been updated.", [['Thursday 21 March', day('2024-03-21')]])),
    ).toEqual([]);
    expect(extract(sentence('s-43', 'This article is part of our series on money online, which began in January.', [['January', day('2024-01')]]))).toEqual([]);
    // The same date in a paragraph reports the happening.
    expect(extract(sentence('s-44', 'The leak began on 18 March.', [['18 March', day('2024-03-18')]]))).toHaveLength(1);
  });

  test('anchors a key happening that follows a revision label instead of dating it by the label', () => {
    const [mention] = extract(
      sentence('s-17', 'Updated on March 22: Harbourline has issued a statement to the Herald.', [['March 22', day('2024-03-22')]]),
    );
    expect(mention).toBeDefined();
    expect(mention?.expression).toBeUndefined();
    expect(mention?.date.approximate).toBe(true);
  });

  test('makes a mention of a past clause and none of the hypothetical clause beside it', () => {
    const [mention] = extract(
      sentence('s-18', 'The bank may face fines, since the privacy law that took effect in 2018 applies to it.', [['in 2018', day('2018')]]),
    );
    expect(mention?.expression).toBe('in 2018');
  });

  test('dates a statement by its own date, whatever the statement foresees, and leaves out a plan', () => {
    const [said] = extract(sentence('s-19', 'On Wednesday it said it would publish its findings in November.', [['Wednesday', day('2019-03-20')]]));
    expect(said?.expression).toBe('Wednesday');
    expect(extract(sentence('s-20', 'On Wednesday it will publish its findings.', [['Wednesday', day('2019-03-20')]]))).toEqual([]);
  });

  test('anchors a confirmation by any named party when the incident names no actors', () => {
    const named = extractEventMentions(article(sentence('s-19', 'The hosting firm Cloudwell confirmed that the server was rented.')), { actors: [] });
    expect(named).toHaveLength(1);
    const unnamed = extractEventMentions(article(sentence('s-19', 'A reporter called the firm and it confirmed that the server was rented.')), { actors: [] });
    expect(unnamed).toEqual([]);
  });

  test('leaves undated sentences out when anchoring is turned off', () => {
    const mentions = extractEventMentions(article(sentence('s-20', 'The regulator has launched an investigation.')), { actors, anchorUndated: false });
    expect(mentions).toEqual([]);
  });
});
