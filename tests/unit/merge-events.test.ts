import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mergeEvents } from '../../src/pipeline/merge-events.ts';
import type { Actor, EventMention, PartialDate, TimelineEvent } from '../../src/pipeline/types.ts';

// A made-up incident: a spillway of the (fictional) Kellmoor reservoir dam fails after heavy rain.
const actors: Actor[] = [
  { id: 'kellwater', name: 'Kellwater Utilities', aliases: ['Kellwater', 'the utility', 'the dam operator'] },
  { id: 'safety-board', name: 'Dam Safety Board', aliases: ['the board', 'the safety board'] },
];

function date(value: string, approximate = false): PartialDate {
  return { value, precision: value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day', approximate };
}

function mention(source: string, anchor: string, text: string, value: string, expression?: string, approximate = false): EventMention {
  return { source, anchor, text, date: date(value, approximate), ...(expression ? { expression } : {}) };
}

function merge(mentions: EventMention[]): TimelineEvent[] {
  return mergeEvents(mentions, { actors });
}

/** The anchors of each event, so that assertions read as groupings. */
function groups(events: TimelineEvent[]): string[][] {
  return events.map((event) => event.mentions.map((m) => `${m.source}#${m.anchor}`).sort());
}

/** Groupings in the order of their first anchor, for events of one day whose order says nothing. */
function byFirst(list: string[][]): string[][] {
  return [...list].sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

const repairYear = mention('valley-post', 's-4', 'Kellwater repaired the damaged spillway gate in 2021, the utility says.', '2021', 'in 2021');
const repairMonth = mention('river-news', 's-12', 'The spillway gate was repaired in March 2021 after the first inspection.', '2021-03', 'in March 2021');
const repairDay = mention('north-daily', 's-7', 'The dam operator fixed the broken spillway gate on 14 March 2021.', '2021-03-14', 'on 14 March 2021');
const inquiry = mention('north-daily', 's-2', 'The Dam Safety Board opened an inquiry into the reservoir levels in March 2021.', '2021-03', 'in March 2021');
const evacuation = mention('river-news', 's-3', 'Police evacuated 300 homes below the reservoir on 2 March 2021.', '2021-03-02', 'on 2 March 2021');

describe('mergeEvents', () => {
  test('merges the same repair reported in three wordings at year, month and day precision into one event', () => {
    const events = merge([repairYear, repairMonth, repairDay]);
    expect(events).toHaveLength(1);
    expect(events[0]?.date).toBe('2021-03-14');
    expect(events[0]?.precision).toBe('day');
    expect(events[0]?.approximate).toBe(false);
    expect(events[0]?.mentions).toHaveLength(3);
  });

  test('keeps two different happenings of the same month apart', () => {
    expect(groups(merge([repairMonth, inquiry]))).toEqual([['north-daily#s-2'], ['river-news#s-12']]);
  });

  test('keeps apart different happenings of one month even when they name the same actor', () => {
    const events = merge([
      mention('a', 's-1', 'Kellwater lowered the reservoir by two metres in March 2021.', '2021-03', 'in March 2021'),
      mention('b', 's-1', 'Kellwater was fined by the safety board in March 2021.', '2021-03', 'in March 2021'),
      evacuation,
    ]);
    expect(events).toHaveLength(3);
  });

  test('does not merge a month with a different month', () => {
    const events = merge([
      repairMonth,
      mention('valley-post', 's-9', 'The gate was repaired again in April 2021 after a second crack.', '2021-04', 'in April 2021'),
    ]);
    expect(events).toHaveLength(2);
  });

  test('merges a date disagreement about clearly the same happening into one event with dateConflict', () => {
    const events = merge([
      mention('valley-post', 's-20', 'Kellwater Utilities released the inspection report in January 2022.', '2022-01', 'in January 2022'),
      mention('river-news', 's-31', 'The utility released the inspection report in February 2022.', '2022-02', 'in February 2022'),
      mention('north-daily', 's-5', 'Kellwater released the inspection report in February 2022.', '2022-02', 'in February 2022'),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]?.date).toBe('2022');
    expect(events[0]?.precision).toBe('year');
    expect(events[0]?.dateConflict).toEqual([
      { date: '2022-01', precision: 'month', sources: ['valley-post'] },
      { date: '2022-02', precision: 'month', sources: ['north-daily', 'river-news'] },
    ]);
  });

  test('does not merge across a date disagreement without strong text evidence', () => {
    const events = merge([
      mention('valley-post', 's-20', 'Kellwater released the inspection report in January 2022.', '2022-01', 'in January 2022'),
      mention('river-news', 's-31', 'Kellwater released new water-level data in February 2022 to reassure residents.', '2022-02', 'in February 2022'),
    ]);
    expect(events).toHaveLength(2);
    expect(events.every((event) => event.dateConflict === undefined)).toBe(true);
  });

  test('compares every alias of an actor as the same party', () => {
    const events = merge([
      mention('a', 's-1', 'The safety board ordered an inspection of the spillway on 3 March 2021.', '2021-03-03', 'on 3 March 2021'),
      mention('b', 's-1', 'Dam Safety Board ordered an inspection of the spillway on 3 March 2021.', '2021-03-03', 'on 3 March 2021'),
    ]);
    expect(events).toHaveLength(1);
  });

  test('merges one failure told in different words by each outlet, and keeps the evacuation of the same night apart', () => {
    const time = (value: string): PartialDate => ({ value, precision: 'time', approximate: false });
    const events = merge([
      mention('a', 's-1', 'The spillway’s concrete channel began to break up on Sunday evening.', '2021-03-07', 'on Sunday evening'),
      mention('b', 's-2', 'Since the spillway collapsed on Sunday night, residents have asked questions.', '2021-03-07', 'on Sunday night'),
      mention('c', 's-3', 'Ten days ago, the spillway at Kellmoor came apart.', '2021-03-07', 'Ten days ago'),
      { source: 'd', anchor: 's-4', text: 'At about 21:40 on 7 March the spillway chute broke away.', date: time('2021-03-07T21:40'), expression: 'At about 21:40 on 7 March' },
      mention('e', 's-5', 'Police evacuated 300 homes below the reservoir on Sunday night.', '2021-03-07', 'on Sunday night'),
    ]);
    expect(groups(events).sort((x, y) => x[0]!.localeCompare(y[0]!))).toEqual([['a#s-1', 'b#s-2', 'c#s-3', 'd#s-4'], ['e#s-5']]);
  });

  // One happening, two outlets, the words of each naming its kind differently.
  test.each([
    [
      'an evacuation told as "evacuated" and as "ordered to leave their homes"',
      mention('a', 's-1', 'About 300 people were evacuated from below the dam on Monday morning.', '2021-03-08', 'on Monday morning'),
      mention('b', 's-2', 'Police ordered 300 residents of Kellmoor to leave their homes in the early hours of Monday.', '2021-03-08', 'in the early hours of Monday'),
    ],
    [
      'a news conference whatever the words around "told reporters"',
      mention('a', 's-1', 'At a packed press conference on Tuesday, Kellwater told reporters: "Nothing warned us."', '2021-03-09', 'on Tuesday'),
      mention('b', 's-2', 'Kellwater Utilities apologised to residents on Tuesday at a news conference in Kellmoor.', '2021-03-09', 'on Tuesday'),
    ],
    [
      'a derailment told as "derailed" and as "jumped the tracks"',
      mention('a', 's-1', 'A passenger train carrying 200 people jumped the tracks late Thursday.', '2021-06-10', 'late Thursday'),
      mention('b', 's-2', 'Train 412 derailed east of Kellmoor on Thursday night.', '2021-06-10', 'on Thursday night'),
    ],
    [
      'a resignation told as "resigned" and as "quit"',
      mention('a', 's-1', 'Kellwater’s chief executive Ann Reid resigned last Friday, saying she took full responsibility.', '2021-03-12', 'last Friday'),
      mention('b', 's-2', 'On Friday, Ann Reid quit.', '2021-03-12', 'On Friday'),
    ],
  ])('merges %s', (_name, a, b) => {
    expect(merge([a, b])).toHaveLength(1);
  });

  test('keeps apart two reports of one month that share only their actor, and merges two of one day', () => {
    const month = merge([
      mention('a', 's-1', 'Kellwater staff wrote down that the bottom of the gate was wet in March 2021.', '2021-03', 'in March 2021'),
      mention('b', 's-2', 'Kellwater blamed an exceptional volume of rain in March 2021.', '2021-03', 'in March 2021'),
    ]);
    expect(month).toHaveLength(2);
    const day = merge([
      mention('a', 's-1', 'A team from the Dam Safety Board arrived on Friday afternoon.', '2021-03-12', 'on Friday afternoon'),
      mention('b', 's-2', 'Investigators from the Dam Safety Board have been at Kellmoor since Friday.', '2021-03-12', 'since Friday'),
    ]);
    expect(day).toHaveLength(1);
  });

  test('places an undated happening anchored at the report date with a dated report of it within two days', () => {
    const dated = mention('north-daily', 's-1', 'The safety board opened an investigation into Kellwater on Monday.', '2021-03-15', 'on Monday');
    const anchored = mention('river-news', 's-8', 'The Dam Safety Board has launched an investigation into the utility.', '2021-03-17', undefined, true);
    const events = merge([dated, anchored]);
    expect(events).toHaveLength(1);
    expect(events[0]?.date).toBe('2021-03-15');
    expect(events[0]?.approximate).toBe(false);
  });

  test('keeps an anchored happening apart from a dated one far outside the window', () => {
    const dated = mention('north-daily', 's-1', 'The safety board opened an investigation into Kellwater on 15 March 2021.', '2021-03-15', 'on 15 March 2021');
    const anchored = mention('river-news', 's-8', 'The Dam Safety Board has launched an investigation into the utility.', '2021-04-20', undefined, true);
    expect(merge([dated, anchored])).toHaveLength(2);
  });

  test('dates an event only anchored by report dates at the earliest anchor, approximate', () => {
    const events = merge([
      mention('north-daily', 's-3', 'The safety board has launched an investigation into the utility.', '2021-03-18', undefined, true),
      mention('river-news', 's-9', 'The Dam Safety Board has since launched an investigation into Kellwater.', '2021-03-17', undefined, true),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ date: '2021-03-17', precision: 'day', approximate: true });
  });

  test('prefers a stated date over a more precise approximate one', () => {
    const events = merge([
      mention('a', 's-1', 'Kellwater repaired the spillway gate in March 2021.', '2021-03', 'in March 2021'),
      mention('b', 's-1', 'Kellwater repaired the spillway gate in mid-March 2021.', '2021-03-15', 'in mid-March 2021', true),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ date: '2021-03', precision: 'month', approximate: false });
  });

  test('dates an event at an anchored day when the only stated date is its year', () => {
    const events = merge([
      mention('a', 's-1', 'The Dam Safety Board opened an investigation into Kellwater in 2021.', '2021', 'in 2021'),
      mention('b', 's-1', 'The Dam Safety Board has opened an investigation into Kellwater.', '2021-03-17', undefined, true),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ date: '2021-03-17', precision: 'day', approximate: true });
  });

  test('labels an event with a verbatim mention, cut at a clause boundary with an ellipsis', () => {
    const long =
      'Kellwater Utilities repaired the damaged spillway gate on 14 March 2021, eleven days after the first crack was noticed by a resident walking below the dam, according to the utility’s own log.';
    const [event] = merge([mention('a', 's-1', long, '2021-03-14', 'on 14 March 2021')]);
    expect(event?.summary.length).toBeLessThanOrEqual(121);
    expect(event?.summary.endsWith('…')).toBe(true);
    expect(long.startsWith(event?.summary.slice(0, -1) ?? 'x')).toBe(true);
  });

  test('starts the label of a wire story after its dateline when the date phrase lies past the cut', () => {
    const wire =
      'KELLMOOR, March 8 (Harbour Wire) - Large sections of the concrete spillway at the Kellmoor reservoir broke away late on Sunday after days of heavy rain, the utility said.';
    const [event] = merge([mention('a', 's-1', wire, '2021-03-07', 'late on Sunday')]);
    expect(event?.summary.startsWith('…Large sections of the concrete spillway')).toBe(true);
    expect(event?.summary).toContain('late on Sunday');
  });

  test('gives every event a stable id made of its date and summary words', () => {
    const input = [repairYear, repairMonth, repairDay, inquiry, evacuation];
    const events = merge(input);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    for (const event of events) expect(event.id.startsWith(`${event.date}-`)).toBe(true);
    expect(merge(input).map((event) => event.id)).toEqual(events.map((event) => event.id));
  });

  test('keeps ids unique when two events share date and summary', () => {
    const events = merge([
      mention('a', 's-1', 'Heavy rain fell on 1 March 2021.', '2021-03-01', 'on 1 March 2021'),
      mention('b', 's-1', 'Heavy rain fell on 1 March 2021.', '2021-03-01', 'on 1 March 2021'),
      mention('c', 's-1', 'Kellwater fined on 1 March 2021.', '2021-03-01', 'on 1 March 2021'),
    ]);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  test('sorts events by date, a coarser date before the days within it', () => {
    const events = merge([repairDay, inquiry, evacuation, mention('a', 's-1', 'Kellwater built the dam in 1968.', '1968', 'in 1968')]);
    expect(events.map((event) => event.date)).toEqual(['1968', '2021-03', '2021-03-02', '2021-03-14']);
  });

  test('groups help called in, brought in or assisting on the same day, and keeps a halt of sales apart from a recall that day', () => {
    const called = mention('valley-post', 's-20', 'Ms Lane said the Dam Safety Board had been called in yesterday and was working with engineers.', '2021-03-03', 'yesterday');
    const brought = mention('river-news', 's-21', 'The Dam Safety Board was brought in on Wednesday.', '2021-03-03', 'on Wednesday');
    const assisting = mention('north-daily', 's-22', 'The safety board has been assisting Kellwater since last Wednesday.', '2021-03-03', 'since last Wednesday');
    const evacuated = mention('north-daily', 's-23', 'Police evacuated the valley on Wednesday.', '2021-03-03', 'on Wednesday');
    expect(byFirst(groups(merge([called, brought, assisting, evacuated])))).toEqual([['north-daily#s-22', 'river-news#s-21', 'valley-post#s-20'], ['north-daily#s-23']]);

    const halted = mention('valley-post', 's-24', 'The pump supplier had already halted sales last Wednesday.', '2021-03-03', 'last Wednesday');
    const stopped = mention('river-news', 's-25', 'Two days later, the supplier stopped selling the pumps.', '2021-03-03', 'Two days later');
    const pulled = mention('north-daily', 's-26', 'On 3 March the supplier pulled the pumps from sale.', '2021-03-03', 'On 3 March');
    const recalled = mention('north-daily', 's-27', 'The supplier recalled 4,000 pumps on 3 March.', '2021-03-03', 'on 3 March');
    expect(byFirst(groups(merge([halted, stopped, pulled, recalled])))).toEqual([['north-daily#s-26', 'river-news#s-25', 'valley-post#s-24'], ['north-daily#s-27']]);
  });

  test('names a fire by its phrases, never the fire service, and no collapse in an apartment', () => {
    const caught = mention('river-news', 's-30', 'A week later, a pump caught fire in an apartment in Kestrel Quay, Brill, and a man was taken to hospital.', '2021-03-10', 'A week later');
    const second = mention('valley-post', 's-31', 'On 10 March a second pump caught fire in an apartment in Kestrel Quay, forcing the evacuation of eleven flats.', '2021-03-10', 'On 10 March');
    const claim = mention('north-daily', 's-32', 'The claim seeks damages after a fire on March 10th in an apartment in Kestrel Quay, on the edge of Brill.', '2021-03-10', 'on March 10th');
    const warning = mention('north-daily', 's-33', 'The fire service warned owners in Kestrel Quay on 10 March, Kellwater said.', '2021-03-10', 'on 10 March');
    expect(byFirst(groups(merge([caught, second, claim, warning])))).toEqual([['north-daily#s-32', 'river-news#s-30', 'valley-post#s-31'], ['north-daily#s-33']]);
    // "apartment" shares its stem with "apart": a fire in one is no collapse, and is not put with one.
    const collapsed = mention('valley-post', 's-34', 'The spillway broke apart on 10 March.', '2021-03-10', 'on 10 March');
    expect(groups(merge([caught, collapsed]))).toHaveLength(2);
  });

  test('groups a road shut or closed that day, and keeps apart what only happened since "the closure"', () => {
    const shut = mention('valley-post', 's-40', 'Kellwater shut the dam road at 6pm yesterday, a day after the crack was found.', '2021-03-03', 'at 6pm yesterday');
    const sinceShut = mention('river-news', 's-41', 'The dam road has been shut to all traffic since last Wednesday evening.', '2021-03-03', 'since last Wednesday evening');
    const closed = mention('north-daily', 's-42', 'The crossing, which carries 9,000 vehicles a day over the valley, was closed on 3 March after the crack was found.', '2021-03-03', 'on 3 March');
    const letters = mention('valley-post', 's-43', 'Headteachers wrote to parents on 3 March about delays caused by the closure.', '2021-03-03', 'on 3 March');
    const near = mention('river-news', 's-44', 'The cloud stayed close to the ground on 3 March.', '2021-03-03', 'on 3 March');
    expect(byFirst(groups(merge([shut, sinceShut, closed, letters, near])))).toEqual([['north-daily#s-42', 'river-news#s-41', 'valley-post#s-40'], ['river-news#s-44'], ['valley-post#s-43']]);
  });

  test('lets an undated report tell of a happening in the week before it was written, never after', () => {
    const stated = mention('valley-post', 's-35', 'On 10 March a second pump caught fire in Kestrel Quay, forcing the evacuation of eleven flats.', '2021-03-10', 'On 10 March');
    // Undated: anchored at the day its article was written, three days later.
    const undated = mention('river-news', 's-36', 'The brigade said eleven flats in Kestrel Quay had been evacuated while crews put the fire out.', '2021-03-13', undefined, true);
    expect(groups(merge([stated, undated]))).toEqual([['river-news#s-36', 'valley-post#s-35']]);
    expect(merge([stated, undated])[0]?.date).toBe('2021-03-10');
    const later = mention('valley-post', 's-37', 'On 16 March a second pump caught fire in Kestrel Quay, forcing the evacuation of eleven flats.', '2021-03-16', 'On 16 March');
    expect(groups(merge([later, undated]))).toHaveLength(2);
  });

  test('takes a hedged time ("at about 21:40 on 2 March") as stating its day, which two wordings of one happening may share alone', () => {
    const hedged: EventMention = {
      source: 'river-news',
      anchor: 's-28',
      text: 'Kellwater staff noticed files being scrambled at about 21:40 on 2 March.',
      expression: 'at about 21:40 on 2 March',
      date: { value: '2021-03-02T21:40', precision: 'time', approximate: true },
    };
    const day = mention('valley-post', 's-29', 'Kellwater discovered the attack early on 2 March.', '2021-03-02', 'early on 2 March');
    const events = merge([hedged, day]);
    expect(groups(events)).toEqual([['river-news#s-28', 'valley-post#s-29']]);
    expect(events[0]?.date.slice(0, 10)).toBe('2021-03-02');
  });

  test('returns no events for no mentions', () => {
    expect(merge([])).toEqual([]);
  });

  // A pool of wordings of a few happenings, some of which disagree about dates, for the properties.
  const pool: EventMention[] = [
    repairYear,
    repairMonth,
    repairDay,
    inquiry,
    evacuation,
    mention('valley-post', 's-20', 'Kellwater released the inspection report in January 2022.', '2022-01', 'in January 2022'),
    mention('river-news', 's-31', 'Kellwater released the inspection report in February 2022.', '2022-02', 'in February 2022'),
    mention('north-daily', 's-40', 'The board has launched an investigation into the utility.', '2021-03-05', undefined, true),
    mention('valley-post', 's-41', 'The Dam Safety Board is investigating the dam operator.', '2021-03-04', undefined, true),
    mention('river-news', 's-42', 'Police evacuated homes below the reservoir on Tuesday.', '2021-03-02', 'on Tuesday'),
    mention('north-daily', 's-43', 'Kellwater confirmed the spillway failure in a statement.', '2021-03-03', undefined, true),
    mention('valley-post', 's-44', 'The utility has since issued a statement about the failure.', '2021-03-04', undefined, true),
    mention('river-news', 's-45', 'Kellwater built the dam in 1968.', '1968', 'in 1968'),
    mention('north-daily', 's-46', 'Heavy rain fell for nine days in late February 2021.', '2021-02', 'in late February 2021', true),
  ];

  test('gives the same timeline whatever the order of the mentions', () => {
    fc.assert(
      fc.property(fc.subarray(pool, { minLength: 1 }), fc.infiniteStream(fc.nat()), (subset, randoms) => {
        const shuffled = [...subset];
        const it = randoms[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (it.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as EventMention, shuffled[i] as EventMention];
        }
        expect(merge(shuffled)).toEqual(merge(subset));
      }),
      { numRuns: 200 },
    );
  });

  test('places every mention in exactly one event', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 40 }), (mentions) => {
        const events = merge(mentions);
        const placed = events.flatMap((event) => event.mentions);
        expect(placed).toHaveLength(mentions.length);
        const count = (list: EventMention[]) => {
          const counts = new Map<EventMention, number>();
          for (const m of list) counts.set(m, (counts.get(m) ?? 0) + 1);
          return counts;
        };
        expect(count(placed)).toEqual(count(mentions));
        for (const event of events) expect(event.mentions.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

/** A small deterministic pseudo-random generator (mulberry32), so the synthetic corpus is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface SyntheticCorpus {
  mentions: EventMention[];
  /** The happening each mention reports, by `source#anchor`. */
  truth: Map<string, number>;
  actors: Actor[];
}

/** `happenings` made-up happenings, each reported in five wordings at year, month or day precision, some anchored. */
function syntheticCorpus(happenings: number, seed: number): SyntheticCorpus {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const syllables = ['ka', 'lo', 'mer', 'vin', 'dra', 'sul', 'bek', 'tor', 'ani', 'os', 'rup', 'qel', 'zan', 'fir', 'gul', 'hev', 'jor', 'nim', 'pax', 'wed', 'ty', 'bru'];
  const names = new Set<string>();
  while (names.size < 6000) {
    const word = Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(syllables)).join('');
    names.add(word[0]?.toUpperCase() + word.slice(1));
  }
  const places = [...names];
  const actors: Actor[] = places.slice(0, 12).map((name, i) => ({ id: `org-${i}`, name: `${name} Authority`, aliases: [`the ${name} agency`] }));
  const objects = ['bridge', 'dam', 'tunnel', 'pipeline', 'warehouse', 'substation', 'ferry terminal', 'depot', 'school', 'clinic', 'mine', 'refinery', 'archive', 'stadium', 'harbour wall', 'railway line', 'reservoir', 'power plant', 'water tower', 'data centre'];
  const verbs = [
    ['repaired', 'fixed', 'patched up'],
    ['closed', 'shut', 'sealed off'],
    ['inspected', 'examined', 'surveyed'],
    ['evacuated', 'cleared', 'emptied'],
    ['reopened', 'opened again', 'returned to service'],
    ['damaged', 'wrecked', 'hit'],
    ['sold', 'auctioned', 'handed over'],
    ['fined over', 'penalised over', 'sanctioned over'],
  ];
  const mentions: EventMention[] = [];
  const truth = new Map<string, number>();
  const dayMs = 86_400_000;
  const start = Date.UTC(2000, 0, 1);
  for (let h = 0; h < happenings; h++) {
    const when = new Date(start + Math.floor(next() * 20 * 365) * dayMs);
    const y = when.getUTCFullYear();
    const m = when.getUTCMonth();
    const d = when.getUTCDate();
    const iso = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const place = places[12 + (h % (places.length - 12))] as string;
    const object = pick(objects);
    const verb = pick(verbs);
    const actor = pick(actors);
    const [v1, v2, v3] = verb as [string, string, string];
    const later = new Date(when.getTime() + Math.floor(next() * 3) * dayMs).toISOString().slice(0, 10);
    const wordings: Array<[string, string, string | undefined, boolean]> = [
      [`${actor.name} ${v1} the ${object} in ${place} on ${d} ${MONTHS[m]} ${y}.`, iso, `on ${d} ${MONTHS[m]} ${y}`, false],
      [`The ${place} ${object} was ${v2} in ${MONTHS[m]} ${y}, officials said.`, iso.slice(0, 7), `in ${MONTHS[m]} ${y}`, false],
      [`In ${y}, the ${object} of ${place} was ${v3} by ${actor.aliases[0]}.`, String(y), `In ${y}`, false],
      next() < 0.5
        ? [`Residents of ${place} say the ${object} had been ${v1} on ${d} ${MONTHS[m]} after weeks of delay.`, iso, `on ${d} ${MONTHS[m]}`, false]
        : [`${actor.name} has ${v1} the ${object} in ${place}, residents say.`, later, undefined, true],
      [`According to local reports, ${actor.aliases[0]} ${v2} ${place}'s ${object} early in ${MONTHS[m]}.`, iso.slice(0, 7), `early in ${MONTHS[m]}`, true],
    ];
    wordings.forEach(([text, value, expression, approximate], w) => {
      const source = `outlet-${(h * 5 + w) % 97}`;
      const anchor = `s-${h}-${w}`;
      mentions.push(mention(source, anchor, text, value, expression, approximate));
      truth.set(`${source}#${anchor}`, h);
    });
  }
  return { mentions, truth, actors };
}

describe('mergeEvents at scale', () => {
  test('merges 50 000 mentions of 10 000 happenings in well under a minute, keeping happenings together and apart', () => {
    const { mentions, truth, actors: corpusActors } = syntheticCorpus(10_000, 20_190_322);
    const began = performance.now();
    const events = mergeEvents(mentions, { actors: corpusActors });
    const seconds = (performance.now() - began) / 1000;

    const eventOf = new Map<string, number>();
    events.forEach((event, index) => {
      for (const m of event.mentions) eventOf.set(`${m.source}#${m.anchor}`, index);
    });
    expect(eventOf.size).toBe(mentions.length);
    expect(events.reduce((sum, event) => sum + event.mentions.length, 0)).toBe(mentions.length);

    // Sample every 25th happening: is it one event, and is that event only it?
    let whole = 0;
    let sampled = 0;
    let pureMentions = 0;
    let sampledMentions = 0;
    for (let h = 0; h < 10_000; h += 25) {
      sampled++;
      const keys = [...truth].filter(([, happening]) => happening === h).map(([key]) => key);
      const homes = new Set(keys.map((key) => eventOf.get(key)));
      if (homes.size === 1) whole++;
      for (const home of homes) {
        const members = events[home ?? -1]?.mentions ?? [];
        const counts = new Map<number, number>();
        for (const m of members) {
          const owner = truth.get(`${m.source}#${m.anchor}`) ?? -1;
          counts.set(owner, (counts.get(owner) ?? 0) + 1);
        }
        pureMentions += Math.max(...counts.values());
        sampledMentions += members.length;
      }
    }
    const together = whole / sampled;
    const purity = pureMentions / sampledMentions;
    console.log(
      `mergeEvents: ${mentions.length} mentions → ${events.length} events in ${seconds.toFixed(2)} s; ` +
        `sampled happenings kept whole ${(100 * together).toFixed(1)} %, purity ${(100 * purity).toFixed(1)} %`,
    );
    expect(seconds).toBeLessThan(60);
    expect(together).toBeGreaterThan(0.9);
    expect(purity).toBeGreaterThan(0.97);
  }, 120_000);
});
