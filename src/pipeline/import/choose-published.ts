import type { StatedDate } from './types.ts';

/**
 * The publication date among the dates a page states, most explicit first: an "Original article,
 * <date>" marker, then a publication line, then a byline date, then a bare date line above the text.
 * Dates that disagree are reported; dates that only differ in precision (2019-03-22 and
 * 2019-03-22T12:17+05:30) agree.
 */

export interface ChosenPublished {
  published?: StatedDate;
  warnings: string[];
}

const agree = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

export function choosePublished(candidates: ReadonlyArray<StatedDate | undefined>): ChosenPublished {
  const stated = candidates.filter((candidate): candidate is StatedDate => candidate !== undefined);
  const [chosen] = stated;
  if (!chosen) return { warnings: [] };
  const warnings = stated
    .filter((other) => !agree(other.value, chosen.value))
    .map((other) => `published: the page states ${other.value} (${other.from}) and ${chosen.value} (${chosen.from}); ${chosen.value} is used — check which one is the first publication`);
  return { published: chosen, warnings: [...new Set(warnings)] };
}
