import { describe, expect, test } from 'vitest';
import { extractQuotes } from '../../src/pipeline/extract-quotes.ts';
import type { Actor, ArticleAnalysis } from '../../src/pipeline/types.ts';

// A made-up incident: lead in the tap water of the town of Brackenridge.
const incident: { actors: Actor[] } = {
  actors: [{ id: 'utility', name: 'Brackwater Utilities', aliases: ['Brackwater', 'the utility'] }],
};

function article(blocks: Array<[string, string[]]>): ArticleAnalysis {
  let n = 0;
  return {
    source: 'valley-ledger',
    outlet: 'Valley Ledger',
    published: { kind: 'unknown' },
    sentences: blocks.flatMap(([blockType, texts], block) =>
      texts.map((text) => ({ id: `s-${++n}`, text, block, blockType, reference: { kind: 'unknown' as const }, dates: [] })),
    ),
  };
}

describe('extractQuotes', () => {
  test('extracts a curly quotation with its speaker and the sentence holding it', () => {
    const text = '“We replaced every valve in the district,” Brackwater said in a statement.';
    expect(extractQuotes(article([['p', [text]]]), incident)).toEqual([
      { source: 'valley-ledger', text, anchor: 's-1', quote: 'We replaced every valve in the district', speaker: 'Brackwater Utilities', actor: 'utility' },
    ]);
  });

  test('extracts straight-quoted fragments inside a paraphrase, two in one sentence', () => {
    const text = 'Jane Roe said "an error in [the] dosing schedule" caused it, but added that "no household was ever at risk."';
    expect(extractQuotes(article([['p', [text]]]), incident).map((q) => [q.quote, q.speaker])).toEqual([
      ['an error in [the] dosing schedule', 'Jane Roe'],
      ['no household was ever at risk.', 'Jane Roe'],
    ]);
  });

  test('ignores scare quotes, quoted names and titles shorter or other than speech', () => {
    const texts = [
      'The utility called it a “minor issue” at first.',
      'A check named the “Regional Water Quality Board of Trade” as the contact.',
      'Open the “Water Reports” page.',
    ];
    expect(extractQuotes(article([['p', texts]]), incident)).toEqual([]);
  });

  test('takes a quotation standing alone from the speaker of the sentence before', () => {
    const quotes = extractQuotes(article([['p', ['The utility denied the claims on Friday.', '“No household received water above the limit.”']]]), incident);
    expect(quotes).toEqual([expect.objectContaining({ anchor: 's-2', speaker: 'Brackwater Utilities', quote: 'No household received water above the limit.' })]);
  });

  test('gives every piece of a quotation spanning sentences the attribution where it closes', () => {
    const quotes = extractQuotes(
      article([['p', ['“We replaced every valve in the district.', 'Nothing was left to chance at all,” Jane Roe said.']]]),
      incident,
    );
    expect(quotes.map((q) => [q.anchor, q.quote, q.speaker])).toEqual([
      ['s-1', 'We replaced every valve in the district.', 'Jane Roe'],
      ['s-2', 'Nothing was left to chance at all', 'Jane Roe'],
    ]);
  });

  test('takes the sentences of a block quotation as quotations of whoever introduces it', () => {
    const quotes = extractQuotes(
      article([
        ['p', ['Brackwater Utilities said in a statement:']],
        ['blockquote', ['We replaced every valve in the district.', 'Testing goes on.']],
      ]),
      incident,
    );
    expect(quotes.map((q) => [q.anchor, q.quote, q.speaker])).toEqual([['s-2', 'We replaced every valve in the district.', 'Brackwater Utilities']]);
  });

  test('honours the minimum number of words', () => {
    const text = 'Residents called the notice “far too late”.';
    expect(extractQuotes(article([['p', [text]]]), incident)).toEqual([]);
    expect(extractQuotes(article([['p', [text]]]), incident, { minWords: 3 }).map((q) => q.quote)).toEqual(['far too late']);
  });
});
