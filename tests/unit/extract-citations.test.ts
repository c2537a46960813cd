import { describe, expect, test } from 'vitest';
import { extractCitations } from '../../src/pipeline/extract-citations.ts';
import type { Actor, ArticleAnalysis } from '../../src/pipeline/types.ts';

// A made-up incident: lead in the tap water of the town of Brackenridge.
const actors: Actor[] = [
  { id: 'utility', name: 'Brackwater Utilities', aliases: ['Brackwater', 'the utility', 'the regional company'] },
  { id: 'meridian', name: 'Meridian Press', aliases: ['news agency Meridian Press'] },
];

function article(texts: string[], outlet = 'Valley Ledger'): ArticleAnalysis {
  return {
    source: 'valley-ledger',
    outlet,
    published: { kind: 'unknown' },
    sentences: texts.map((text, i) => ({ id: `s-${i + 1}`, text, block: i, blockType: 'p', reference: { kind: 'unknown' as const }, dates: [] })),
  };
}

/** [kind, key, cites] of each citation of one sentence. */
const cited = (text: string, options?: Parameters<typeof extractCitations>[1], outlet?: string) =>
  extractCitations(article([text], outlet), options).map((c) => [c.kind, c.key, c.cites]);

describe('extractCitations', () => {
  test('records "(via X)" and keeps the sentence and its anchor', () => {
    expect(extractCitations(article(['Taps ran brown in the north (via Meridian Press).']))).toEqual([
      { source: 'valley-ledger', cites: 'Meridian Press', key: 'meridian-press', kind: 'via', anchor: 's-1', text: 'Taps ran brown in the north (via Meridian Press).' },
    ]);
  });

  test('records "according to X" and "according to news website X"', () => {
    expect(cited('Two schools closed, according to KVLT.')).toEqual([['according-to', 'kvlt', 'KVLT']]);
    expect(cited('Two schools closed, according to news website Harbor Times (via r/Brackenridge).')).toEqual([
      ['according-to', 'harbor-times', 'Harbor Times'],
      ['via', 'r-brackenridge', 'r/Brackenridge'],
    ]);
  });

  test('normalises the key of a cited party introduced by a descriptor or followed by "report"', () => {
    expect(cited('According to Danish public broadcaster DRT report on Thursday, lead levels rose.')).toEqual([['according-to', 'drt', 'DRT']]);
    expect(cited('“It is serious,” Jane Roe told the news agency NTA.')).toEqual([['told', 'nta', 'NTA']]);
  });

  test('records "as per X", "speaking to X", "X told Y" and "in an email to X"', () => {
    expect(cited('As per KVLT, the utility admitted the error.')).toEqual([['according-to', 'kvlt', 'KVLT']]);
    expect(cited('Speaking to Meridian Press, a spokesperson said testing goes on.')).toEqual([['told', 'meridian-press', 'Meridian Press']]);
    expect(cited('Jane Roe told Meridian Press they are looking into it.')).toEqual([['told', 'meridian-press', 'Meridian Press']]);
    expect(cited('“No risk,” the utility said in an email to Meridian Press.')).toEqual([['email', 'meridian-press', 'Meridian Press']]);
  });

  test('records "X reported", "X reporting", "X in its report" and "X’s own findings"', () => {
    expect(cited('Local broadcaster KVLT reported that schools had closed.')).toEqual([['report', 'kvlt', 'KVLT']]);
    expect(cited('This comes despite KVLT reporting high levels.')).toEqual([['report', 'kvlt', 'KVLT']]);
    expect(cited('KVLT in its report mentioned a resident.')).toEqual([['report', 'kvlt', 'KVLT']]);
    expect(cited("However, KVLT's own findings pointed to the north plant.")).toEqual([['report', 'kvlt', 'KVLT']]);
  });

  test('keys a statement with no addressee by its issuer', () => {
    expect(cited('Brackwater Utilities said in a statement that testing goes on.', { actors })).toEqual([['statement', 'utility', 'a statement']]);
    expect(cited('“We acted fast,” the utility said in its statement.', { actors })).toEqual([['statement', 'utility', 'its statement']]);
    expect(cited('Brackwater Utilities released an official statement on Friday.')).toEqual([['statement', 'brackwater-utilities', 'an official statement']]);
  });

  test('uses the actor’s id as key when the cited party is an actor', () => {
    expect(cited('“It is serious,” Jane Roe told the news agency Meridian Press.', { actors })).toEqual([['told', 'meridian', 'Meridian Press']]);
    expect(cited('According to the regional company which runs the plant, no household was at risk.', { actors })).toEqual([
      ['according-to', 'utility', 'the regional company'],
    ]);
  });

  test('does not count the outlet as its own source: a statement made to it is keyed by its issuer', () => {
    expect(cited('Two schools closed, according to Valley Ledger.')).toEqual([]);
    expect(cited('Brackwater Utilities has issued a statement to Valley Ledger after the news broke.')).toEqual([['statement', 'brackwater-utilities', 'Brackwater Utilities (to Valley Ledger)']]);
    expect(cited('Jane Roe told Valley Ledger the plant is safe.')).toEqual([['statement', 'jane-roe', 'Jane Roe (to Valley Ledger)']]);
  });

  test('cites nothing from inside a quotation, from a route "via" or from an unnamed descriptor', () => {
    expect(cited('“According to our own tests, the water is safe,” Jane Roe said.')).toEqual([]);
    expect(cited('The filters were shipped via Portside Logistics, the carrier, in May.')).toEqual([]);
    expect(cited('According to the regional company which runs the plant, no household was at risk.')).toEqual([]);
    expect(cited('There were reports that the water was brown.')).toEqual([]);
  });

  test('records each party once per sentence and kind', () => {
    expect(cited('KVLT reported, and KVLT later reported again, that schools closed.')).toEqual([['report', 'kvlt', 'KVLT']]);
  });
});
