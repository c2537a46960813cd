import { describe, expect, test } from 'vitest';
import { extractQuotes } from '../../src/pipeline/extract-quotes.ts';
import { groupQuotes, quoteDiff } from '../../src/pipeline/group-quotes.ts';
import type { Actor, ArticleAnalysis } from '../../src/pipeline/types.ts';

// A made-up incident: lead in the tap water of the town of Brackenridge.
const actors: Actor[] = [{ id: 'utility', name: 'Brackwater Utilities', aliases: ['Brackwater', 'the utility'] }];

function article(source: string, outlet: string, blocks: Array<[string, string[]]>): ArticleAnalysis {
  let n = 0;
  return {
    source,
    outlet,
    published: { kind: 'unknown' },
    sentences: blocks.flatMap(([blockType, texts], block) =>
      texts.map((text) => ({ id: `${source}-${++n}`, text, block, blockType, reference: { kind: 'unknown' as const }, dates: [] })),
    ),
  };
}

/** Groups the quotations of a few one-paragraph articles: [source, sentences]. */
function group(...sources: Array<[string, string[]]>) {
  const articles = sources.map(([source, texts]) => article(source, source.toUpperCase(), [['p', texts]]));
  return groupQuotes(articles.flatMap((a) => extractQuotes(a, { actors })), articles);
}

/** Each group as the list of its members' sources. */
const shape = (groups: ReturnType<typeof groupQuotes>) => groups.map((g) => g.members.map((m) => m.source));

describe('groupQuotes', () => {
  test('groups renderings that differ in spelling (analysed / analyzed)', () => {
    const groups = group(
      ['ledger', ['“We have analysed every sample taken from the reservoir,” the utility said.']],
      ['kvlt', ['“We have analyzed every sample taken from the reservoir,” Brackwater said.']],
    );
    expect(shape(groups)).toEqual([['kvlt', 'ledger']]);
    expect(groups[0]?.speaker).toBe('Brackwater Utilities');
  });

  test('groups renderings with an editorial insertion in brackets', () => {
    const groups = group(
      ['ledger', ['A spokesperson blamed "an error in [the] chlorine dosing schedule at the north plant" for the spike.']],
      ['kvlt', ['The utility said “an error in the chlorine dosing schedule at the north plant” was to blame.']],
      ['times', ['“[Brackwater] replaced the valves within a week of the first complaint,” Jane Roe said.']],
      ['herald', ['“We replaced the valves within a week of the first complaint,” Jane Roe said.']],
    );
    expect(shape(groups).sort()).toEqual([['herald', 'times'], ['kvlt', 'ledger']]);
  });

  test('groups a rendering with an ellipsis with the full one', () => {
    const groups = group(
      ['ledger', ['“We tested every school … and found no trace of lead in the water,” Jane Roe said.']],
      ['kvlt', ['“We tested every school in the district and found no trace of lead in the water,” Jane Roe said.']],
    );
    expect(shape(groups)).toEqual([['kvlt', 'ledger']]);
  });

  test('groups a truncated rendering with the longer one, and names the group by the longest', () => {
    const groups = group(
      ['ledger', ['Jane Roe said “no household received water above the legal limit.”']],
      ['kvlt', ['“We can say with confidence that no household received water above the legal limit at any time,” Jane Roe said.']],
    );
    expect(shape(groups)).toEqual([['kvlt', 'ledger']]);
    expect(groups[0]?.text).toBe('We can say with confidence that no household received water above the legal limit at any time');
  });

  test('groups a quoted fragment inside a paraphrase with the full quotation', () => {
    const groups = group(
      ['ledger', ['The utility claimed "the samples were never mislabelled and no result was lost" but gave no figures.']],
      ['kvlt', ['“Such samples were never mislabelled and no result was lost in the move to the new lab.”']],
    );
    expect(shape(groups)).toEqual([['kvlt', 'ledger']]);
  });

  test('groups an unquoted reprint of a statement with another outlet’s quotation of it', () => {
    const ledger = article('ledger', 'Ledger', [
      ['p', ['Brackwater Utilities responded with a statement.']],
      ['p', ['The statement says the utility regrets the disruption.']],
      ['p', ['We have analysed every sample taken from the reservoir since March.', 'No household received water above the legal limit at any time.']],
    ]);
    const kvlt = article('kvlt', 'KVLT', [['p', ['“We have analyzed every sample taken from the reservoir since March,” the utility said.']]]);
    const groups = groupQuotes([ledger, kvlt].flatMap((a) => extractQuotes(a, { actors })), [ledger, kvlt]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.members).toEqual([
      { source: 'kvlt', anchor: 'kvlt-1', text: expect.any(String), quote: 'We have analyzed every sample taken from the reservoir since March' },
      {
        source: 'ledger',
        anchor: 'ledger-3',
        text: 'We have analysed every sample taken from the reservoir since March.',
        quote: 'We have analysed every sample taken from the reservoir since March',
      },
    ]);
  });

  test('finds reprints only when asked to', () => {
    const ledger = article('ledger', 'Ledger', [['p', ['We have analysed every sample taken from the reservoir since March.']]]);
    const kvlt = article('kvlt', 'KVLT', [['p', ['“We have analyzed every sample taken from the reservoir since March,” the utility said.']]]);
    const quotes = extractQuotes(kvlt, { actors });
    expect(shape(groupQuotes(quotes, [ledger, kvlt], { reprints: false }))).toEqual([['kvlt']]);
  });

  test('keeps different quotations apart even when they share a phrase', () => {
    const groups = group(
      ['ledger', ['“The valves at the north plant were replaced within a week,” Jane Roe said.']],
      ['kvlt', ['“The pipes at the north plant will be replaced next year,” Jane Roe said.']],
      ['times', ['Crews worked at the north plant all night.']],
    );
    expect(shape(groups).sort()).toEqual([['kvlt'], ['ledger']]);
  });

  test('needs a short quotation to reappear whole', () => {
    const groups = group(['ledger', ['Jane Roe called it “a one-time flushing fee”.']], ['kvlt', ['The one-time fee was dropped on Monday.']]);
    expect(shape(groups)).toEqual([['ledger']]);
  });

  test('groups hundreds of syndicated copies of one quotation without comparing each pair', () => {
    const copies = Array.from({ length: 400 }, (_, i): [string, string[]] => [
      `outlet-${i}`,
      ['“We have analysed every sample taken from the reservoir,” the utility said.', 'Crews worked at the north plant all night.'],
    ]);
    const started = performance.now();
    const groups = group(...copies);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.members).toHaveLength(400);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  test('gives the same groups and ids whatever the order of the sources', () => {
    const a: [string, string[]] = ['ledger', ['“We have analysed every sample taken from the reservoir,” the utility said.']];
    const b: [string, string[]] = ['kvlt', ['“We have analyzed every sample taken from the reservoir,” Brackwater said.']];
    expect(group(a, b)).toEqual(group(b, a));
  });
});

describe('quoteDiff', () => {
  test('returns the word-level differences between two renderings', () => {
    expect(quoteDiff('We have analysed the case at hand', 'We have analyzed the case')).toEqual([
      { value: 'We have ', added: false, removed: false },
      { value: 'analysed', added: false, removed: true },
      { value: 'analyzed', added: true, removed: false },
      { value: ' the case', added: false, removed: false },
      { value: ' at hand', added: false, removed: true },
    ]);
  });
});
