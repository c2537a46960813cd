import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foundSentences, indexedIdOf, type PagefindAnchor } from '../../src/lib/search-sentences.ts';

/** A page's anchors as Pagefind records them: each sentence's first word's position among the page's words, after `before` words of title and the like. */
function anchorsOf(sentences: ReadonlyArray<{ id: string; text: string }>, before = 0): PagefindAnchor[] {
  let location = before;
  return sentences.map(({ id, text }) => {
    const anchor = { element: 'span', id, text, location };
    location += text.split(/\s+/u).length;
    return anchor;
  });
}

describe('foundSentences', () => {
  const sentences = [
    { id: 's-a', text: 'The harbour closed on Monday.' },
    { id: indexedIdOf('s-b', ['cause', 'blame']), text: 'Officials blamed the storm for the closure.' },
    { id: 's-c', text: 'Ferries resumed two days later.' },
  ];
  const anchors = anchorsOf(sentences, 4);

  test('names each sentence holding a word found once, with the words found and the topics it is a claim on', () => {
    // Words 4 + 1 ("harbour"), 9 + 6 ("closure."), 9 + 1 ("blamed"), 4 + 4 ("Monday.").
    expect(foundSentences({ locations: [15, 5, 10, 8], anchors })).toEqual([
      { id: 's-a', text: 'The harbour closed on Monday.', words: new Set([1, 4]), topics: [] },
      { id: 's-b', text: 'Officials blamed the storm for the closure.', words: new Set([6, 1]), topics: ['cause', 'blame'] },
    ]);
  });

  test('puts the sentences holding the most different words found first, then keeps page order', () => {
    const page = anchorsOf([
      { id: 's-1', text: 'Storm, storm and more storm.' },
      { id: 's-2', text: 'The storm closed the harbour.' },
      { id: 's-3', text: 'The harbour reopened.' },
    ]);
    // "storm" three times in s-1, "storm" and "harbour" in s-2, "harbour" in s-3.
    expect(foundSentences({ locations: [0, 1, 4, 6, 9, 11], anchors: page }).map((sentence) => sentence.id)).toEqual(['s-2', 's-1', 's-3']);
  });

  test('leaves out words found before the first sentence or after the last one ends', () => {
    expect(foundSentences({ locations: [0, 3, 21, 40], anchors })).toEqual([]);
    expect(foundSentences({ locations: [20], anchors }).map((sentence) => sentence.id)).toEqual(['s-c']);
    expect(foundSentences({ locations: [2], anchors: [] })).toEqual([]);
    expect(foundSentences({})).toEqual([]);
  });

  test('finds the sentence of every word found, and no other (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z,.’]{1,9}$/u);
    const page = fc.array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(page, fc.nat(5), fc.array(fc.nat(200), { maxLength: 20 }), (texts, before, picks) => {
        const sentences = texts.map((words, i) => ({ id: indexedIdOf(`s-${i}`, i % 3 === 0 ? ['t'] : []), text: words.join(' ') }));
        const anchors = anchorsOf(sentences, before);
        const total = before + texts.reduce((sum, words) => sum + words.length, 0);
        const locations = picks.map((pick) => pick % (total + 3));
        // Where each word of the page is: its sentence and its place in it.
        const where = new Map<number, [number, number]>();
        let at = before;
        texts.forEach((words, i) => words.forEach((_, w) => where.set(at++, [i, w])));
        const expected = new Map<number, Set<number>>();
        for (const location of locations) {
          const hit = where.get(location);
          if (hit) expected.set(hit[0], (expected.get(hit[0]) ?? new Set()).add(hit[1]));
        }
        const found = foundSentences({ locations, anchors: [...anchors].reverse() });
        expect(found.map((sentence) => sentence.id).sort()).toEqual([...expected.keys()].map((i) => `s-${i}`).sort());
        for (const sentence of found) {
          const i = Number(sentence.id.slice(2));
          expect(sentence.words).toEqual(expected.get(i));
          expect(sentence.topics).toEqual(i % 3 === 0 ? ['t'] : []);
          expect(sentence.text).toBe(texts[i]!.join(' '));
        }
      }),
    );
  });
});
