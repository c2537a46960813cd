import type { Random } from './random.ts';

/** A made-up publication with its house style. */
export interface Outlet {
  id: string;
  name: string;
  domain: string;
  /** "6 May" rather than "May 6". */
  dayFirst: boolean;
  /** “Curly” rather than "straight" quotation marks. */
  curly: boolean;
  /** UTC offset its pages state, or null when they state none. */
  offset: string | null;
  /** Chance that an article of this outlet has section headings. */
  headings: number;
  /** How much it publishes relative to the others. */
  weight: number;
  authors: string[];
}

const PLACES = ['Port Calder', 'Calder Bay', 'Northshore', 'Coastal', 'Harbour', 'Eastern', 'Valley', 'Metro', 'Tri-County', 'Lakeside', 'Fjord', 'Riverside', 'Westland', 'Baltic', 'Nordic', 'Island', 'Highland', 'Southern', 'Capital', 'Continental'];
const KINDS = ['Courier', 'Gazette', 'Herald', 'Tribune', 'Daily', 'News', 'Post', 'Observer', 'Record', 'Chronicle', 'Times', 'Sentinel', 'Ledger', 'Dispatch', 'Radio', 'Today'];
const EDITIONS = ['', ' Online', ' Weekly', ' Plus', ' Live', ' Review', ' Digest', ' Express'];
const OFFSETS: Array<string | null> = ['+02:00', '+02:00', '+02:00', '+02:00', '+01:00', '+01:00', 'Z', '-04:00', null, null];

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** `count` outlets with distinct names; a few publish much more than the rest, as in real coverage. */
export function makeOutlets(count: number, random: Random, people: { first: readonly string[]; last: readonly string[] }): Outlet[] {
  const names: string[] = [];
  for (const edition of EDITIONS) for (const place of PLACES) for (const kind of KINDS) names.push(`${place} ${kind}${edition}`);
  if (count > names.length) throw new Error(`at most ${names.length} outlets`);
  const first = random.shuffle(names.slice(0, PLACES.length * KINDS.length));
  const chosen = count <= first.length ? first.slice(0, count) : [...first, ...names.slice(first.length, count)];
  return chosen.map((name, rank) => ({
    id: slug(name),
    name: random.chance(0.3) && !name.startsWith('The ') && !name.includes('Radio') ? `The ${name}` : name,
    domain: `${slug(name).replace(/-/g, '')}.example`,
    dayFirst: random.chance(0.4),
    curly: random.chance(0.8),
    offset: random.pick(OFFSETS),
    headings: random.pick([0, 0.1, 0.4, 0.8]),
    weight: 1 / Math.pow(rank + 1, 0.8),
    authors: Array.from({ length: random.int(1, 4) }, () => `${random.pick(people.first)} ${random.pick(people.last)}`),
  }));
}
