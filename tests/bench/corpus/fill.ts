import { numberWord } from './calendar.ts';
import { FIRST_NAMES, LAST_NAMES, NAMES, TOWN, type NameKey } from './incident.ts';
import type { Random } from './random.ts';

export interface FillContext {
  random: Random;
  /** The date phrase of the sentence, for `{date}` and `{Date}`. */
  date?: string;
  /** Chance of keeping each `((optional))` passage (default 0.6). */
  keep?: number;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const OPTIONAL = /\(\(([^()]*)\)\)/g;
const SLOT = /\{([^{}]+)\}/g;

/** Fills a template of incident.ts (see the syntax there). */
export function fill(template: string, context: FillContext): string {
  const { random } = context;
  const keep = context.keep ?? 0.6;
  const text = template.replace(OPTIONAL, (_, words: string) => (random.chance(keep) ? words : '')).replace(SLOT, (_, slot: string) => {
    if (slot.includes('|')) return random.pick(slot.split('|'));
    const range = /^([nkw]):(\d+)-(\d+)$/.exec(slot);
    if (range) {
      const value = random.int(Number(range[2]), Number(range[3]));
      return range[1] === 'k' ? value.toLocaleString('en-US') : range[1] === 'w' ? numberWord(value) : String(value);
    }
    if (slot === 'town') return TOWN;
    if (slot === 'first') return random.pick(FIRST_NAMES);
    if (slot === 'last') return random.pick(LAST_NAMES);
    if (slot === 'date' || slot === 'Date') {
      if (context.date === undefined) throw new Error(`template needs a date: ${template}`);
      return slot === 'Date' ? capitalize(context.date) : context.date;
    }
    const key = slot.toLowerCase();
    if (key in NAMES) {
      const name = random.pick(NAMES[key as NameKey]);
      return slot === key ? name : capitalize(name);
    }
    throw new Error(`unknown slot {${slot}} in: ${template}`);
  });
  return text.replace(/ {2,}/g, ' ').replace(/ ([,.])/g, '$1');
}
