import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileCues, detectStance, findCues, isYesNoQuestion, normalizeSpelling, stemPositions, wordTokens, type CueMatch, type CuePhrase, type WordToken } from '../../src/pipeline/detect-stance.ts';
import type { Topic } from '../../src/pipeline/types.ts';

// A made-up incident: lead in the tap water of the town of Brackenridge.
const contaminated: Topic = { id: 'contaminated', question: 'Was the tap water contaminated?', cues: ['contaminated', 'contamination', 'unsafe to drink'] };
const cause: Topic = { id: 'cause', question: 'What contaminated the tap water?', cues: ['corroded', 'old pipes'] };

describe('detectStance', () => {
  describe('asserts', () => {
    test.each([
      'Tests showed the tap water was contaminated.',
      'The water became unsafe to drink in the north of the town.',
      'The water was contaminated in May 2024.',
      'The utility denied the report, but inspectors said the water was contaminated.',
      'The water was not only contaminated but also cloudy.',
    ])('reads "%s" as asserting', (sentence) => {
      expect(detectStance(sentence, contaminated)).toBe('asserts');
    });
  });

  describe('denies', () => {
    test.each([
      'Inspectors found no contamination in the samples.',
      'The water was not contaminated, the utility said.',
      'The supply was never contaminated.',
      'The utility didn’t find contamination at the plant.',
      "The utility didn't find contamination at the plant.",
      'The utility denied that the supply had been contaminated.',
      'The agency debunked reports of contamination at the school.',
      'Reports of contamination are incorrect.',
      'No sample could have been contaminated by the old valve.',
    ])('reads "%s" as denying', (sentence) => {
      expect(detectStance(sentence, contaminated)).toBe('denies');
    });
  });

  describe('hedges', () => {
    test.each([
      'The water may have been contaminated for weeks.',
      'The water might be contaminated.',
      'Some wells could be contaminated.',
      'It appears that the water was contaminated.',
      'The supply was reportedly contaminated.',
      'The supply was allegedly contaminated.',
      'It is believed that the supply was contaminated.',
      'The well is said to be contaminated.',
      'Apparently, the reservoir was contaminated.',
      'The water may not have been contaminated.',
      'Inspectors will assess whether the water was contaminated.',
    ])('reads "%s" as hedging', (sentence) => {
      expect(detectStance(sentence, contaminated)).toBe('hedges');
    });
  });

  describe('no stance', () => {
    test('gives no stance for an open question', () => {
      expect(detectStance('Corroded pipes contaminated the water.', cause)).toBeUndefined();
    });

    test('gives no stance to a sentence without a cue of the topic', () => {
      expect(detectStance('The mayor visited the plant on Monday.', contaminated)).toBeUndefined();
    });
  });
});

describe('isYesNoQuestion', () => {
  test.each(['Was lead found?', 'Were schools closed?', 'Is the water safe?', 'Did the utility know?', 'Has the pipe been fixed?', 'Could residents be harmed?', 'Will fines follow?', 'Should the town pay?'])(
    'takes "%s" for a yes-or-no question',
    (question) => {
      expect(isYesNoQuestion(question)).toBe(true);
    },
  );

  test.each(['What was found in the water?', 'Who pays for the repairs?', 'How many homes were affected?'])('takes "%s" for an open question', (question) => {
    expect(isYesNoQuestion(question)).toBe(false);
  });
});

describe('findCues', () => {
  test('matches cues on stems and multi-word cues only as phrases', () => {
    const tokens = wordTokens('The old pipes contaminated the supply; pipes that are old remain.');
    expect(findCues(tokens, compileCues(['old pipes', 'contamination'])).map((m) => m.cue)).toEqual(['old pipes', 'contamination']);
  });

  test('matches a hyphenated cue written with a space, and the other way round', () => {
    expect(findCues(wordTokens('A third party lab ran the tests.'), compileCues(['third-party lab']))).toHaveLength(1);
    expect(findCues(wordTokens('A third-party lab ran the tests.'), compileCues(['third party lab']))).toHaveLength(1);
  });

  test('finds, through the stems’ positions, every match a scan of every token finds: longest cue first, none overlapping', () => {
    // What findCues promises, written as plainly as possible.
    const scan = (tokens: readonly WordToken[], phrases: readonly CuePhrase[]): CueMatch[] => {
      const taken = tokens.map(() => false);
      const out: CueMatch[] = [];
      for (const { cue, stems } of phrases) {
        for (let i = 0; i + stems.length <= tokens.length; i++) {
          if (!stems.every((stem, j) => !taken[i + j] && tokens[i + j]?.stem === stem)) continue;
          stems.forEach((_, j) => (taken[i + j] = true));
          out.push({ cue, start: i, end: i + stems.length });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    };
    const word = fc.constantFrom('old', 'pipes', 'pipe', 'lead', 'water', 'unsafe', 'to', 'drink', 'the', 'contaminated', 'third-party', 'lab');
    const text = fc.array(word, { maxLength: 30 }).map((words) => words.join(' '));
    const cues = fc.uniqueArray(fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')), { maxLength: 6 });
    fc.assert(
      fc.property(text, cues, (sentence, list) => {
        const tokens = wordTokens(sentence);
        const phrases = compileCues(list);
        const expected = scan(tokens, phrases);
        expect(findCues(tokens, phrases)).toEqual(expected);
        expect(findCues(tokens, phrases, stemPositions(tokens))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test('compares British and American spellings as one word', () => {
    expect(normalizeSpelling('analysed')).toBe(normalizeSpelling('analyzed'));
    expect(normalizeSpelling('colour')).toBe(normalizeSpelling('color'));
    expect(findCues(wordTokens('The lab analysed every sample.'), compileCues(['analyzed']))).toHaveLength(1);
  });
});
