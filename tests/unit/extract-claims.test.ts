import { describe, expect, test } from 'vitest';
import { extractClaims, sentenceTopics } from '../../src/pipeline/extract-claims.ts';
import type { ArticleAnalysis, IncidentDefinition } from '../../src/pipeline/types.ts';

// A made-up incident: lead in the tap water of the town of Brackenridge.
const incident: IncidentDefinition = {
  title: 'Lead in Brackenridge tap water',
  summary: 'Tap water in Brackenridge carried lead after a valve failed.',
  topics: [
    { id: 'contaminated', question: 'Was the tap water contaminated?', cues: ['contaminated', 'lead levels'] },
    { id: 'cost', question: 'Who pays for the repairs?', cues: ['cost', 'pay for', 'bill'] },
    { id: 'notice', question: 'Is a boil notice in force?', cues: ['boil notice'] },
    { id: 'identity', question: 'Could residents be identified?', cues: ['identified'] },
    { id: 'records', question: 'Were patient records published?', cues: ['personally identifiable records'] },
  ],
  actors: [{ id: 'utility', name: 'Brackwater Utilities', aliases: ['Brackwater', 'the utility'] }],
};

/** An article from blocks of [block type, sentences]. */
function article(blocks: Array<[string, string[]]>, outlet = 'Valley Ledger'): ArticleAnalysis {
  let n = 0;
  return {
    source: 'valley-ledger',
    outlet,
    published: { kind: 'unknown' },
    sentences: blocks.flatMap(([blockType, texts], block) =>
      texts.map((text) => ({ id: `s-${++n}`, text, block, blockType, reference: { kind: 'unknown' as const }, dates: [] })),
    ),
  };
}

const topicsOf = (claims: ReturnType<typeof extractClaims>, anchor: string) => claims.filter((c) => c.anchor === anchor).map((c) => c.topic);

describe('extractClaims', () => {
  test('assigns a sentence to a topic by its cues’ stems', () => {
    const claims = extractClaims(article([['p', ['Samples showed contamination at two schools.']]]), incident);
    expect(claims).toEqual([{ topic: 'contaminated', source: 'valley-ledger', text: 'Samples showed contamination at two schools.', anchor: 's-1', stance: 'asserts' }]);
  });

  test('matches a multi-word cue only as a phrase', () => {
    expect(extractClaims(article([['p', ['The notice told residents to boil their water.']]]), incident)).toEqual([]);
    expect(topicsOf(extractClaims(article([['p', ['A boil notice went out on Friday.']]]), incident), 's-1')).toEqual(['notice']);
  });

  test('lets one sentence belong to several topics', () => {
    const claims = extractClaims(article([['p', ['The boil notice stays until lead levels fall, and the utility will pay for bottled water.']]]), incident);
    expect(topicsOf(claims, 's-1')).toEqual(['contaminated', 'cost', 'notice']);
  });

  test('lets the longer of two overlapping cues decide the topic', () => {
    expect([...sentenceTopics('No personally identifiable records were published.', incident.topics)]).toEqual(['records']);
    expect([...sentenceTopics('No resident could be identified from the data.', incident.topics)]).toEqual(['identity']);
  });

  test('includes the speaker, the actor and the stance', () => {
    const claims = extractClaims(article([['p', ['The utility insisted that the water was not contaminated.']]]), incident);
    expect(claims).toEqual([
      expect.objectContaining({ topic: 'contaminated', speaker: 'Brackwater Utilities', actor: 'utility', stance: 'denies' }),
    ]);
  });

  test('gives no speaker when the outlet speaks, and no stance on an open question', () => {
    const [claim] = extractClaims(article([['p', ['Nobody has said who will pay for the new pipes.']]]), incident);
    expect(claim).toEqual({ topic: 'cost', source: 'valley-ledger', text: 'Nobody has said who will pay for the new pipes.', anchor: 's-1' });
  });

  test('never makes a heading or a question a claim', () => {
    const claims = extractClaims(
      article([
        ['h2', ['Was the water contaminated?']],
        ['p', ['Who will pay for the repairs?', 'Lead levels fell on Monday.']],
      ]),
      incident,
    );
    expect(claims.map((c) => c.anchor)).toEqual(['s-3']);
  });

  test('lets a sentence without cues take a topic its heading and its neighbour both carry', () => {
    const blocks: Array<[string, string[]]> = [
      ['h2', ['The cost of the repairs']],
      ['p', ['The council will cover the cost of new pipes.', 'Residents will not be charged.']],
    ];
    expect(topicsOf(extractClaims(article(blocks), incident), 's-3')).toEqual(['cost']);
    expect(topicsOf(extractClaims(article(blocks), incident, { context: false }), 's-3')).toEqual([]);
  });

  test('invents nothing where the article is silent on a topic', () => {
    const claims = extractClaims(
      article([
        ['h2', ['The cost of the repairs']],
        ['p', ['The mayor toured the plant on Monday.', 'Residents were told to wait.']],
        ['p', ['The council will cover the cost of new pipes.']],
      ]),
      incident,
    );
    expect(claims.map((c) => [c.anchor, c.topic])).toEqual([['s-4', 'cost']]);
    expect(claims.some((c) => c.topic === 'notice')).toBe(false);
  });

  test('gives the sentences of a block quotation the speaker who introduces it', () => {
    const claims = extractClaims(
      article([
        ['p', ['Brackwater said in a statement:']],
        ['blockquote', ['The water was never contaminated.']],
      ]),
      incident,
    );
    expect(claims).toEqual([expect.objectContaining({ anchor: 's-2', speaker: 'Brackwater Utilities', stance: 'denies' })]);
  });
});
