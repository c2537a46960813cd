import { describe, expect, test } from 'vitest';
import { attributeSpeaker, quotationSpans, type AttributeSpeakerContext } from '../../src/pipeline/attribute-speaker.ts';
import type { Actor } from '../../src/pipeline/types.ts';

// A made-up incident: lead in the tap water of the town of Brackenridge.
const actors: Actor[] = [
  { id: 'utility', name: 'Brackwater Utilities', aliases: ['Brackwater', 'the utility', 'the water company'] },
  { id: 'agency', name: 'State Environmental Agency', aliases: ['the environmental agency', 'Mira Castell'] },
  { id: 'kvlt', name: 'KVLT', aliases: ['local broadcaster KVLT'] },
  { id: 'meridian', name: 'Meridian Press', aliases: ['news agency Meridian Press'] },
];
const outlet = 'Valley Ledger';
const who = (sentence: string, context: Partial<AttributeSpeakerContext> = {}) => attributeSpeaker(sentence, { actors, outlet, ...context });

describe('attributeSpeaker', () => {
  describe('attribution patterns', () => {
    test('reads "X said" and resolves the name to its actor', () => {
      expect(who('Brackwater Utilities said the pipes were flushed on Monday.')).toEqual({ speaker: 'Brackwater Utilities', actor: 'utility', quoted: false });
    });

    test('reads "said X" after a quotation', () => {
      expect(who('“The water is safe to drink again,” said Jane Roe.')).toEqual({ speaker: 'Jane Roe', quoted: true });
    });

    test('reads "X says" with a descriptor listed among the aliases', () => {
      expect(who('The utility says the boil notice will stay in place.')).toMatchObject({ speaker: 'Brackwater Utilities', actor: 'utility' });
    });

    test('reads "according to X" with a descriptor before the name', () => {
      expect(who('Lead levels were four times the limit, according to local broadcaster KVLT.')).toMatchObject({ speaker: 'KVLT', actor: 'kvlt' });
    });

    test('reads "X told Y" as X speaking', () => {
      expect(who('Jane Roe told Meridian Press that the tests were rushed.')).toEqual({ speaker: 'Jane Roe', quoted: false });
    });

    test('gives the name, not the apposition, for "X, the role, told the news agency Y"', () => {
      expect(who('“We found no lead in the samples,” Jane Roe, the town’s water commissioner, told the news agency Meridian Press.')).toEqual({
        speaker: 'Jane Roe',
        quoted: true,
      });
    });

    test('resolves the actor of a named person through the apposition', () => {
      expect(who('Tom Ashby, a spokesperson for the environmental agency, said the inquiry would take months.')).toEqual({
        speaker: 'Tom Ashby',
        actor: 'agency',
        quoted: false,
      });
    });

    test('reads "X said in a statement" and "X said in an email to Y"', () => {
      expect(who('The water company said in a statement that all mains had been replaced.')).toMatchObject({ actor: 'utility' });
      expect(who('“The samples were mislabelled,” Brackwater said in an email to Meridian Press.')).toMatchObject({
        speaker: 'Brackwater Utilities',
        quoted: true,
      });
    });

    test.each(['confirmed', 'added', 'noted', 'insisted', 'denied', 'claimed', 'has since confirmed', 'later acknowledged'])(
      'reads "X %s …"',
      (verb) => {
        expect(who(`Brackwater ${verb} that the valves had been replaced.`)).toMatchObject({ speaker: 'Brackwater Utilities', actor: 'utility' });
      },
    );

    test('reads "as per X" opening the sentence before any other attribution in it', () => {
      expect(who('As per KVLT, the utility has admitted the error.')).toMatchObject({ speaker: 'KVLT' });
    });

    test('reads "X reported" and keeps a researcher’s name without the role', () => {
      expect(who('Local broadcaster KVLT reported that two schools had closed.')).toMatchObject({ speaker: 'KVLT' });
      expect(who('Furthermore, water researcher Ola Brandt reported that the filters were ten years old.')).toEqual({ speaker: 'Ola Brandt', quoted: false });
    });

    test('reads "X in its report mentioned"', () => {
      expect(who('KVLT in its report mentioned that a resident had complained.')).toMatchObject({ speaker: 'KVLT' });
    });

    test('keeps a person’s name listed among an actor’s aliases', () => {
      expect(who('Mira Castell said the agency would publish every result.')).toEqual({ speaker: 'Mira Castell', actor: 'agency', quoted: false });
    });
  });

  describe('quotations attributed in a neighbouring sentence', () => {
    test('takes the attribution from a short sentence after the quotation', () => {
      expect(who('“We will test every tap in the district.”', { next: 'Jane Roe said.', previous: 'The results came in on Friday.' })).toEqual({
        speaker: 'Jane Roe',
        quoted: true,
      });
    });

    test('takes the speaker of the sentence before the quotation', () => {
      expect(who('“No household received contaminated water.”', { previous: 'Brackwater Utilities denied the claims on Friday.' })).toMatchObject({
        speaker: 'Brackwater Utilities',
        quoted: true,
      });
    });
  });

  describe('descriptors and pronouns', () => {
    test('resolves a sentence-opening "It added" to the previous sentence’s speaker', () => {
      const previous = 'The environmental agency said it had opened an inquiry.';
      expect(who('It added that fines were possible.', { previous })).toMatchObject({ speaker: 'State Environmental Agency', actor: 'agency' });
    });

    test('resolves "His statement said" like "He said", and never names the possessive as the speaker', () => {
      const previous = 'The environmental agency said it had opened an inquiry.';
      expect(who('Its statement said fines were possible.', { previous })).toMatchObject({ speaker: 'State Environmental Agency', actor: 'agency' });
      expect(who('His statement said "I take full responsibility."')?.speaker).not.toBe('His');
    });

    test('follows a chain of pronouns back through the paragraph', () => {
      expect(
        who('It added that the pipes were eighty years old.', {
          previous: 'The outlet reported that three schools had closed.',
          earlier: ['Taps ran brown in the north of the town, according to local broadcaster KVLT.'],
        }),
      ).toMatchObject({ speaker: 'KVLT' });
    });

    test('resolves "the manufacturer" to the speaker of the previous sentence when no alias names it', () => {
      const withMaker = [...actors, { id: 'filtron', name: 'Filtron Systems', aliases: [] }];
      expect(
        attributeSpeaker('The manufacturer insisted that the filters met the standard.', {
          actors: withMaker,
          outlet,
          previous: 'Filtron Systems confirmed that the filters were recalled.',
        }),
      ).toMatchObject({ speaker: 'Filtron Systems', actor: 'filtron' });
    });

    test('resolves "a spokesperson for …" to the party it speaks for', () => {
      expect(who('A spokesperson for the utility said the notice would be lifted.')).toMatchObject({ speaker: 'Brackwater Utilities' });
    });

    test('keeps an unnamed person as the speaker', () => {
      expect(who('The resident claimed her tap water smelled of metal.')).toMatchObject({ speaker: 'the resident' });
    });

    test('does not guess who "it" is in the middle of a sentence', () => {
      expect(who('KVLT contacted the laboratory and it confirmed the results.')).toEqual({ quoted: false });
    });
  });

  describe('no speaker', () => {
    test('gives no speaker to an unattributed sentence', () => {
      expect(who('The boil notice was lifted on Thursday.')).toEqual({ quoted: false });
    });

    test('gives no speaker when the outlet attributes the sentence to itself', () => {
      expect(who('Valley Ledger reported last week that the valves had failed.')).toEqual({ quoted: false });
    });

    test('does not read a passive "is said to" or a noun "these claims" as an attribution', () => {
      expect(who('The plant is said to be thirty years old.')).toEqual({ quoted: false });
      expect(who('In the wake of these claims, the council met.')).toEqual({ quoted: false });
    });

    test('ignores speech verbs inside the quotation', () => {
      expect(who('The sign read “the mayor said the water is fine” for a week.')).toEqual({ quoted: true });
    });
  });
});

describe('quotationSpans', () => {
  test('finds curly, straight and single-curly quotations but not apostrophes', () => {
    const spans = quotationSpans('The mayor’s aide said “we are ready” and "so are they" and ‘me too’ today.');
    expect(spans.map((s) => s.inner)).toEqual(['we are ready', 'so are they', 'me too']);
  });

  test('does not take an inch mark or a stray straight mark for a quotation', () => {
    expect(quotationSpans('Crews replaced the 6" main under Elm Street.')).toEqual([]);
    expect(quotationSpans('He said "we are ready and then left.')).toEqual([]);
  });

  test('runs an unclosed quotation to the end and closes a carried one', () => {
    expect(quotationSpans('“We replaced every valve.')[0]).toMatchObject({ inner: 'We replaced every valve.', continues: true });
    expect(quotationSpans('Nothing was left to chance,” she said.', { open: true })[0]).toMatchObject({ inner: 'Nothing was left to chance,', opensBefore: true });
  });
});
