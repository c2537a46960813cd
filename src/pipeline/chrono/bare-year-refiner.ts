import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { matchesOf } from '../matches-of.ts';

/**
 * A four-digit number after one of these words reads as a year ("in 2016", "since 2016",
 * "mid-2018", "the end of 2018"), and so does one between "a" and a noun ("a 2021 report");
 * alone, it is as likely a count or a model number.
 * The year must not run on into a number or a unit ("2018/19", "2016-17", "2160p", "2000%").
 */
const PATTERN =
  /(?<![\p{L}\p{N}_])(in|since|by|from|until|till|through|throughout|during|before|after|of|early|mid|late|to|and|between)(?:\s+|\s*-\s*)(\d{4})(?![\p{L}\p{N}_]|[-–—/.:,]\d|\s*%)/giu;

/** "to" and "and" introduce a year only as the end of a span opened by "from" or "between". */
const SPAN_OPENING = /\b(?:from|between)\s+\d{4}\s*$/i;

/** Between "a" or "an" and a noun, a four-digit number names a year ("a 2021 inspection"), not a count: "a 2000 people" is not English. */
const ATTRIBUTIVE = /(?<![\p{L}\p{N}_])an?\s+(\d{4})(?=\s+\p{Ll})(?![\p{L}\p{N}_]|[-–—/.:,]\d|\s*%)/giu;

/** Past tenses that do not end in "-ed": "a survey in 2019 found …" is a year followed by its verb. */
const IRREGULAR_PAST = new Set(
  `found said made took gave saw became began came went left got told showed shown hit set put ran won lost led held kept met paid sold
  built brought bought thought wrote fell rose grew knew spent sent stood shut cut read struck drew broke chose spoke`.split(/\s+/),
);

/** Whether a lower-case word after a year is its verb in the past tense rather than what a number counts. */
function isPastVerb(word: string): boolean {
  return IRREGULAR_PAST.has(word) || (word.length > 4 && word.endsWith('ed') && !word.endsWith('eed'));
}

const FIRST_YEAR = 1800;
const LAST_YEAR = 2199;

/**
 * Closed-class words that may follow a year in a sentence. A year followed by any other
 * lower-case word is more likely a quantity ("by 2000 people", "of 2048 units").
 */
const FUNCTION_WORDS = new Set(
  `a an the and or but nor so yet as at by for from in into of on onto to with within without after before
  since until till through throughout during when while where whereas which who whom whose that this these
  those it its he she they we i you his her their our my your him them us me there here then than now also
  already alone again only just still even too either neither both each all some no not is was were are be
  been being am has had have having will would shall should can could may might must do did does onwards
  onward ahead ago later earlier prior afterwards because although though if unless whether however via per
  against among amid around about over under following up down out off`.split(/\s+/),
);

/** Both patterns need four digits in a row; most sentences have none, and one plain scan tells so. */
const FOUR_DIGITS = /\d{4}/;

function bareYears(context: ParsingContext): ParsingResult[] {
  const found: ParsingResult[] = [];
  if (!FOUR_DIGITS.test(context.text)) return found;
  for (const match of matchesOf(context.text, PATTERN)) {
    const word = (match[1] ?? '').toLowerCase();
    const digits = match[2] ?? '';
    const index = match.index ?? 0;
    if ((word === 'to' || word === 'and') && !SPAN_OPENING.test(context.text.slice(0, index))) continue;
    const year = Number(digits);
    if (year < FIRST_YEAR || year > LAST_YEAR) continue;
    const yearIndex = index + match[0].length - digits.length;
    const next = /^\s+(\p{Ll}[\p{L}'’-]*)/u.exec(context.text.slice(yearIndex + digits.length));
    const following = (next?.[1] ?? '').toLowerCase();
    if (next && !FUNCTION_WORDS.has(following) && !isPastVerb(following)) continue;
    found.push(context.createParsingResult(yearIndex, digits, { year }).addTag('parallax/bare-year'));
  }
  for (const match of matchesOf(context.text, ATTRIBUTIVE)) {
    const digits = match[1] ?? '';
    const year = Number(digits);
    if (year < FIRST_YEAR || year > LAST_YEAR) continue;
    const yearIndex = (match.index ?? 0) + match[0].length - digits.length;
    found.push(context.createParsingResult(yearIndex, digits, { year }).addTag('parallax/bare-year'));
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Adds a year written alone after a preposition or a period word ("in 2016"), which chrono's
 * English parsers leave out. It is a refiner rather than a parser because chrono's own filters
 * drop every result whose text is a bare number. The text is the year itself, as chrono leaves
 * "in" out of "in February".
 */
export function bareYearRefiner(): Refiner {
  return {
    refine(context, results) {
      const years = bareYears(context).filter(
        (year) => !results.some((result) => year.index < result.index + result.text.length && result.index < year.index + year.text.length),
      );
      return [...results, ...years].sort((a, b) => a.index - b.index);
    },
  };
}
