import { perDefinition } from './per-definition.ts';
import { canonicalizeActors, stemTokens } from './stem-tokens.ts';
import type { Actor, EventMention, PartialDate, Precision, TimelineEvent } from './types.ts';

/** Options of `mergeEvents`. */
export interface MergeEventsOptions {
  /** Actors of incident.yaml: every alias of one actor compares as the same token. */
  actors: Actor[];
  /** Similarity (0–1) two mentions with compatible dates need to be linked (default 0.32). */
  linkThreshold?: number;
  /** Average similarity between the members of two groups needed to merge them (default 0.3). */
  clusterThreshold?: number;
  /** Similarity needed to merge mentions whose dates disagree, recording a `dateConflict` (default 0.75). */
  conflictThreshold?: number;
  /**
   * How much each kind of evidence counts in the similarity of two mentions; a kind of evidence
   * that one of the two lacks is left out (default `{ kind: 0.25, actor: 0.15, words: 0.5, date: 0.1 }`):
   * `kind`, the overlap (Dice) of the kinds of happening they name (fix, inquiry, statement, arrest …);
   * `actor`, the overlap (Dice) of the incident's actors they name; `words`, the IDF-weighted overlap of
   * their other words; `date`, whether both state the same month or day.
   */
  evidence?: Partial<Evidence>;
  /** Days on either side of an approximate date that still count as compatible (default 2). */
  approximateDays?: number;
  /**
   * Days before its report that an undated report (anchored at its report's day) may tell of
   * (default 7): what an article tells without a date happened on or before the day it was written.
   */
  reportWindowDays?: number;
  /** MinHash bands of the candidate index (default 20). */
  bands?: number;
  /** MinHash rows per band (default 2). */
  rows?: number;
  /** A date block of at most this many mentions is compared pair by pair instead of through the index (default 300). */
  exactBlockSize?: number;
  /** An index bucket holding more mentions than this pairs each only with its neighbours in date order (default 64). */
  maxBucketSize?: number;
  /** In a large block, each mention is also compared with this many following mentions of the same kind of happening in date order (default 10). */
  neighbours?: number;
  /** How many members of a group stand for it when two groups are compared (default 8). */
  representatives?: number;
  /** Longest summary, in characters, before it is cut at a clause boundary (default 120). */
  summaryLength?: number;
  /**
   * The tokens of mentions as `mentionTokens` gives them with the same actors, made beforehand (a
   * build keeps them with each unchanged article's contribution); the others are tokenized here.
   */
  tokens?: ReadonlyMap<EventMention, readonly string[]>;
}

/** Weights of the kinds of evidence of `MergeEventsOptions.evidence`. */
export interface Evidence {
  kind: number;
  actor: number;
  words: number;
  date: number;
}

interface Settings {
  evidence: Evidence;
  neighbours: number;
  linkThreshold: number;
  clusterThreshold: number;
  conflictThreshold: number;
  approximateDays: number;
  reportWindowDays: number;
  bands: number;
  rows: number;
  exactBlockSize: number;
  maxBucketSize: number;
  representatives: number;
  summaryLength: number;
  tokens?: ReadonlyMap<EventMention, readonly string[]>;
}

/** A mention prepared for comparison. */
interface Item {
  mention: EventMention;
  /** Ids of its words other than actors and kinds of happening, ascending, without repeats. */
  tokens: Int32Array;
  /** Indices of the actors it names, ascending. */
  actors: Int32Array;
  /** Sum of the weights of `tokens`. */
  mass: number;
  /** Days (since 1970-01-01) the date can stand for, widened when approximate. */
  lo: number;
  hi: number;
  /** Dated by an expression of its own sentence (not anchored by the report date). */
  stated: boolean;
  /** Bit set of the kinds of happening its words name. */
  kinds: number;
}

interface Cluster {
  members: number[];
  /** Intersection of the members' date ranges; when empty the cluster holds a date conflict and this is their hull. */
  lo: number;
  hi: number;
  conflict: boolean;
}

const DAY_MS = 86_400_000;
const PRECISION_RANK: Record<Precision, number> = { year: 0, month: 1, day: 2, time: 3 };

/**
 * Words of happening, folded after stemming to one token per kind of happening so that different
 * wordings overlap ("a probe" / "an investigation", "confirmed" / "a statement", "patched" / "an update").
 * Light verbs ("launched", "issued", "released") are left out: their object says what happened.
 */
const KINDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    fix: 'fix', patch: 'fix', resolv: 'fix', repair: 'fix', remedi: 'fix', rectifi: 'fix', updat: 'fix', upgrad: 'fix', firmwar: 'fix',
    investig: 'inquiry', probe: 'inquiry', inquiri: 'inquiry', enquiri: 'inquiry', inquest: 'inquiry', inspect: 'inquiry', audit: 'inquiry',
    statement: 'statement', email: 'statement', respond: 'statement', respons: 'statement', repli: 'statement', confirm: 'statement',
    acknowledg: 'statement', admit: 'statement', admiss: 'statement', conced: 'statement', apolog: 'statement', announc: 'statement',
    confer: 'statement',
    arrest: 'arrest', detain: 'arrest', custodi: 'arrest',
    sue: 'lawsuit', lawsuit: 'lawsuit', litig: 'lawsuit',
    fine: 'fine', penalti: 'fine',
    recal: 'recall', recall: 'recall',
    collaps: 'collapse', burst: 'collapse', broke: 'collapse', break: 'collapse', breach: 'collapse',
    failur: 'collapse', derail: 'collapse', crash: 'collapse', explod: 'collapse', explos: 'collapse',
    evacu: 'evacuation', fled: 'evacuation', flee: 'evacuation',
    injur: 'harm', injuri: 'harm', hurt: 'harm', kill: 'harm', dead: 'harm', death: 'harm', wound: 'harm', hospitalis: 'harm', hospitaliz: 'harm', casualti: 'harm',
    resign: 'resignation', quit: 'resignation', sack: 'resignation', oust: 'resignation',
    reopen: 'return', return: 'return', resum: 'return', lift: 'return',
    compens: 'compensation', payout: 'compensation',
    halt: 'halt', suspend: 'halt', suspens: 'halt',
    blaze: 'fire', inferno: 'fire', ignit: 'fire', arson: 'fire',
    assist: 'engage', enlist: 'engage',
    shut: 'closure',
    report: 'report', reveal: 'report', disclos: 'report',
  }).map(([stem, kind]) => [stem, `~${kind}`]),
);
/**
 * Kinds of happening that only a phrase names: "ordered to leave their homes" is an evacuation,
 * "stepped down" a resignation, "stopped selling" a halt, "was called in" (help engaged) an engagement.
 */
const PHRASE_KINDS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:leave|left|leaving|flee|fled|fleeing|forced\s+(?:out\s+of|from)|ordered\s+out\s+of|turfed\s+out\s+of)\s+(?:their|his|her|our|the)\s+(?:homes?|houses?|flats?|apartments?)\b/iu, '~evacuation'],
  [/\b(?:step|steps|stepped|stepping)\s+down\b/iu, '~resignation'],
  [/\b(?:gave|give|gives|giving)\s+way\b/iu, '~collapse'],
  // A fire, not the fire service nor a dismissal ("fired"): "caught fire", "a fire broke out", "the blaze".
  [/\b(?:caught|catch|catches|catching|set|sets|setting)\s+(?:on\s+)?fire\b|\b(?:went|go|goes|going)\s+up\s+in\s+flames\b|\bburn(?:ed|t|s|ing)?\s+(?:down|out)\b/iu, '~fire'],
  [/\b(?:a|an|the|second|first|third|another|same|that|this)\s+(?:[\p{L}-]+\s+)?fire\b(?!\s*(?:service|brigade|department|station|chief|crew|fighter|alarm|door|escape|safety|engine|investigat|officer|and\s+rescue|exit|risk|code))/iu, '~fire'],
  // Not the stem alone: "apartment" stems to it too.
  [/\b(?:broke|break|breaks|breaking|broken|came|come|comes|coming|fell|fall|falls|falling|blew|blown|blow|ripped|torn|tore)\s+apart\b/iu, '~collapse'],
  [/\b(?:jump|jumped|jumps|jumping|left|leave|came|come|went|ran|run)\s+(?:off\s+)?the\s+(?:tracks?|rails?|road|runway)\b/iu, '~collapse'],
  [/\b(?:stop|stops|stopped|stopping|cease|ceases|ceased|ceasing)\s+(?:selling|sales|production|producing|operations|trading)\b/iu, '~halt'],
  [/\b(?:pull|pulls|pulled|pulling|withdraw|withdraws|withdrew|withdrawn|withdrawing)\s+(?:[\p{L}\p{N}'’-]+\s+){0,4}?from\s+(?:sale|shelves|the\s+shelves|the\s+market)\b/iu, '~halt'],
  // Closed as a verb ("was closed", "closing the road"): the noun ("since the closure") only refers to it, and "close to" is not a closure.
  [/\b(?:closed|closes|closing)\b(?!\s+(?:ranks|in\s+on|to\s+(?:the\s+)?(?:ground|home|shore)))|\bclose\s+(?:the|its|their|all|both|a|an)\b/iu, '~closure'],
  [/\b(?:call|calls|called|calling|bring|brings|brought|bringing|draft|drafts|drafted|drafting)\s+in\b/iu, '~engage'],
];
const KIND_BITS: ReadonlyMap<string, number> = new Map([...new Set(KINDS.values())].map((kind, bit) => [kind, 1 << bit]));

/** Quoted passages: the words of a speaker, not the description of a happening. */
const QUOTED = /[“"«][^“”"«»]*[”"»]/g;
/** A closing attribution (", the board confirmed.", ", officials said"): who tells of the happening, not what happened. */
const ATTRIBUTION_TAIL = /,\s*(?:[\p{L}\p{N}'’.-]+\s+){0,5}(?:said|says|confirmed|confirms|added|adds|noted|notes|reported|reports|told\s+[\p{L}\p{N}'’.-]+(?:\s+[\p{L}\p{N}'’.-]+){0,3})\s*[.!]?\s*$/u;
/** Who a speaker addresses ("told reporters", "told journalists"): the frame of speech, not what happened. */
const SPEECH_FRAME = /\b(?:told|tells|telling|briefed|briefing)\s+(?:the\s+)?(?:reporters|journalists|the\s+press|the\s+media)\b/giu;
/** Clause boundaries: punctuation and the conjunctions that open a new clause. */
const CLAUSE_BREAK = /[,;:()\u2014\u2013]|\s-\s|\b(?:but|while|whereas|although|though|however)\b/u;
/** Modal verbs of what might be, not of what happened (lower case: "May" is a month). */
const HYPOTHETICAL = /\b(?:could|might|may|would|should)\b/u;

function settingsOf(options: MergeEventsOptions): Settings {
  return {
    evidence: { kind: 0.25, actor: 0.15, words: 0.5, date: 0.1, ...options.evidence },
    neighbours: options.neighbours ?? 10,
    linkThreshold: options.linkThreshold ?? 0.32,
    clusterThreshold: options.clusterThreshold ?? 0.3,
    conflictThreshold: options.conflictThreshold ?? 0.75,
    approximateDays: options.approximateDays ?? 2,
    reportWindowDays: options.reportWindowDays ?? 7,
    bands: options.bands ?? 20,
    rows: options.rows ?? 2,
    exactBlockSize: options.exactBlockSize ?? 300,
    maxBucketSize: options.maxBucketSize ?? 64,
    representatives: options.representatives ?? 8,
    summaryLength: options.summaryLength ?? 120,
    ...(options.tokens ? { tokens: options.tokens } : {}),
  };
}

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The days a date can stand for, at its precision. */
function dateRange(value: string, precision: Precision): [number, number] {
  const [y = 0, m = 1, d = 1] = value.slice(0, 10).split('-').map(Number);
  if (precision === 'year') return [dayNumber(y, 1, 1), dayNumber(y, 12, 31)];
  if (precision === 'month') return [dayNumber(y, m, 1), dayNumber(y, m + 1, 0)];
  const day = dayNumber(y, m, d);
  return [day, day];
}

/** The days a mention's date can stand for; a vague day ("a few days ago", a report-date anchor) may be off by a day or two, while a month or a year already says how far it may be off. */
function rangeOf(date: PartialDate, approximateDays: number): [number, number] {
  const [lo, hi] = dateRange(date.value, date.precision);
  const widen = date.approximate && (date.precision === 'day' || date.precision === 'time') ? approximateDays : 0;
  return [lo - widen, hi + widen];
}

/**
 * The days a report without a date of its own can tell of: up to `windowDays` before the day it
 * was written and, for a report time zone away, the day after. An anchor coarser than a day
 * already spans what it may stand for.
 */
function reportRange(date: PartialDate, windowDays: number): [number, number] {
  const [lo, hi] = dateRange(date.value, date.precision);
  return date.precision === 'day' || date.precision === 'time' ? [lo - windowDays, hi + 1] : [lo, hi];
}

function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Start of a date value whatever its precision, so that 2019 sorts before 2019-01-05. */
function dateSortKey(value: string): string {
  return value.length >= 10 ? value : value.padEnd(7, '-00').padEnd(10, '-00');
}

function mentionKey(m: EventMention): string {
  return [dateSortKey(m.date.value), m.date.value, m.date.precision, m.date.approximate ? '1' : '0', m.source, m.anchor, m.expression ?? '', m.text].join('\u0000');
}

/** A run of non-space characters that holds a letter or a digit, from its first character on. */
const COUNTED_WORD = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;

/**
 * How many of the text's whitespace-separated words hold a letter or a digit: one search for such
 * runs, rather than a split and a test per piece. A search starting at a run either finds a letter
 * or digit in it and takes the rest of the run, or finds none and moves on to the next run.
 */
function wordCount(text: string): number {
  return text.match(COUNTED_WORD)?.length ?? 0;
}

/**
 * The words that describe the happening: the sentence without its date phrase and, when enough is
 * left, without quotations and without hypothetical clauses ("… but the bank could face fines").
 */
function describingText(mention: EventMention): string {
  let text = mention.text;
  if (mention.expression) text = text.replace(mention.expression, ' ');
  // "told reporters" frames speech: the reporters are no report of a happening.
  const unquoted = text.replace(QUOTED, ' ').replace(ATTRIBUTION_TAIL, ' ').replace(SPEECH_FRAME, ' ');
  if (wordCount(unquoted) < 4) return text;
  const real = unquoted
    .split(CLAUSE_BREAK)
    .filter((clause) => !HYPOTHETICAL.test(clause))
    .join(' , ');
  return wordCount(real) >= 4 ? real : unquoted;
}

interface ActorName {
  actor: Actor;
  /** The name or alias, lower-cased, for a quick look before the exact match. */
  lower: string;
}

/** The actors' names and aliases as `tokensOf` looks for them, once per incident. */
const actorNamesOf = perDefinition((actors: readonly Actor[]): ActorName[] =>
  actors.flatMap((actor) =>
    [actor.name, ...actor.aliases].map((name) => ({ actor, lower: name.trim().toLowerCase().replace(/\s+/g, ' ') })).filter((name) => name.lower !== ''),
  ),
);

/** The tokens a mention is compared by: stems of its describing words, each actor's names as one token, kinds of happening as theirs. */
export function mentionTokens(mention: EventMention, actors: readonly Actor[]): string[] {
  return tokensOf(mention, actorNamesOf(actors));
}

function tokensOf(mention: EventMention, names: readonly ActorName[]): string[] {
  const text = describingText(mention);
  const lower = text.toLowerCase();
  // Only the actors whose names occur are handed to the exact (regular-expression) match: it costs one expression per name.
  const present = [...new Set(names.filter((name) => lower.includes(name.lower)).map((name) => name.actor))];
  const out = new Set<string>();
  for (const token of stemTokens(present.length ? canonicalizeActors(text, present) : text)) out.add(KINDS.get(token) ?? token);
  for (const [phrase, kind] of PHRASE_KINDS) if (phrase.test(text)) out.add(kind);
  return [...out];
}

/** FNV-1a hash of a string, 32 bits. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes a 32-bit value (murmur3 finaliser) so that hash functions derived by seed are independent enough. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

interface Prepared {
  items: Item[];
  /** IDF weight of each word id. */
  weights: Float64Array;
  /** Hash of each word id, the base of the MinHash signatures. */
  hashes: Uint32Array;
  /** Whether a word id is rare enough to key the candidate index. */
  indexed: Uint8Array;
}

function prepare(mentions: readonly EventMention[], actors: readonly Actor[], settings: Settings): Prepared {
  const sorted = mentions.map((mention) => ({ mention, key: mentionKey(mention) })).sort((a, b) => compareStrings(a.key, b.key));
  const actorIndex = new Map<string, number>();
  actors.forEach((actor, index) => {
    for (const token of stemTokens(canonicalizeActors(actor.name, [actor]))) actorIndex.set(token, index);
  });
  const names = actorNamesOf(actors);
  const tokenIds = new Map<string, number>();
  const parsed = sorted.map(({ mention }) => {
    const words: number[] = [];
    const named = new Set<number>();
    let kinds = 0;
    for (const token of settings.tokens?.get(mention) ?? tokensOf(mention, names)) {
      const kind = KIND_BITS.get(token);
      const actor = actorIndex.get(token);
      if (kind !== undefined) kinds |= kind;
      else if (actor !== undefined) named.add(actor);
      else {
        let id = tokenIds.get(token);
        if (id === undefined) {
          id = tokenIds.size;
          tokenIds.set(token, id);
        }
        words.push(id);
      }
    }
    return { words: Int32Array.from(words.sort((a, b) => a - b)), actors: Int32Array.from([...named].sort((a, b) => a - b)), kinds };
  });
  const frequency = new Float64Array(tokenIds.size);
  for (const { words } of parsed) for (const id of words) frequency[id] = (frequency[id] ?? 0) + 1;
  // Inverse document frequency: words most mentions share (the incident's own vocabulary) say little about which happening a sentence reports.
  const weights = new Float64Array(tokenIds.size);
  for (let id = 0; id < weights.length; id++) weights[id] = Math.log(1 + sorted.length / (frequency[id] ?? 1));
  const hashes = new Uint32Array(tokenIds.size);
  for (const [token, id] of tokenIds) hashes[id] = hashString(token);
  // Words in more than one mention in a hundred (the incident's own vocabulary, a house style) would put most mentions in the same index buckets.
  const indexed = new Uint8Array(tokenIds.size);
  const common = Math.max(16, sorted.length / 100);
  for (let id = 0; id < indexed.length; id++) indexed[id] = (frequency[id] ?? 0) <= common ? 1 : 0;
  // A kind of happening most mentions name is the incident itself ("the recall", "the collapse"), not what tells its happenings apart.
  let informative = ~0;
  if (sorted.length >= 10) {
    for (const bit of KIND_BITS.values()) {
      if (parsed.filter(({ kinds }) => (kinds & bit) !== 0).length > 0.6 * sorted.length) informative &= ~bit;
    }
  }
  const items = sorted.map(({ mention }, index): Item => {
    const { words, actors: named, kinds: namedKinds } = parsed[index] ?? { words: new Int32Array(), actors: new Int32Array(), kinds: 0 };
    const kinds = namedKinds & informative;
    let mass = 0;
    for (const id of words) mass += weights[id] ?? 0;
    const stated = mention.expression !== undefined;
    const [lo, hi] = stated ? rangeOf(mention.date, settings.approximateDays) : reportRange(mention.date, settings.reportWindowDays);
    return { mention, tokens: words, actors: named, mass, lo, hi, stated, kinds };
  });
  return { items, weights, hashes, indexed };
}

/**
 * Weighted overlap of two mentions' words: the larger of their weighted Jaccard index and a
 * discounted containment of the smaller in the larger, so that a short wording of a happening
 * still matches a long one that adds context.
 */
function wordOverlap(a: Item, b: Item, weights: Float64Array): number {
  const x = a.tokens;
  const y = b.tokens;
  if (x.length === 0 && y.length === 0) return 1;
  let shared = 0;
  let sharedCount = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const p = x[i] ?? 0;
    const q = y[j] ?? 0;
    if (p === q) {
      shared += weights[p] ?? 0;
      sharedCount++;
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  if (shared === 0) return 0;
  const jaccard = shared / (a.mass + b.mass - shared);
  return sharedCount < 3 ? jaccard : Math.max(jaccard, 0.6 * (shared / Math.min(a.mass, b.mass)));
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

function actorOverlap(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (const x of a) if (b.includes(x)) shared++;
  return (2 * shared) / (a.length + b.length);
}

/** Both mentions state the same month, or the same day (one may state its time too); a shared year says little. */
function sameStatedDate(a: Item, b: Item): boolean {
  const x = a.mention.date;
  const y = b.mention.date;
  if (!a.stated || !b.stated || x.precision === 'year' || y.precision === 'year') return false;
  // A hedged time ("at about 3:40am on Monday") still states its day; any other hedged date states none.
  if ((x.approximate && x.precision !== 'time') || (y.approximate && y.precision !== 'time')) return false;
  // A time and a day of the same day ("at 21:40 on 2 March", "on Sunday evening") state that day.
  if (x.precision === 'month' || y.precision === 'month') return x.precision === y.precision && x.value === y.value;
  return x.value.slice(0, 10) === y.value.slice(0, 10);
}

/**
 * How likely two mentions report the same happening, 0–1: a weighted mean of what they both tell —
 * the kind of happening, the actors, the other words, an explicitly shared month or day. Two
 * mentions that share neither a word nor a kind of happening score 0 unless both state the same day.
 */
function similarity(a: Item, b: Item, weights: Float64Array, evidence: Evidence): number {
  const words = wordOverlap(a, b, weights);
  const sharedKinds = a.kinds & b.kinds;
  const sameDate = sameStatedDate(a, b);
  // Who and a month say little of what happened: sharing no word and no kind, only reports that state the same day may be one happening.
  if (words === 0 && sharedKinds === 0 && !(sameDate && a.mention.date.precision !== 'month')) return 0;
  let sum = evidence.words * words;
  let total = evidence.words;
  if (a.kinds !== 0 && b.kinds !== 0) {
    sum += (evidence.kind * 2 * bitCount(sharedKinds)) / (bitCount(a.kinds) + bitCount(b.kinds));
    total += evidence.kind;
  }
  if (a.actors.length && b.actors.length) {
    sum += evidence.actor * actorOverlap(a.actors, b.actors);
    total += evidence.actor;
  }
  if (sameDate) {
    sum += evidence.date;
    total += evidence.date;
  }
  return sum / total;
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] ?? 0) < (b[j] ?? 0))) out.push(a[i++] ?? 0);
    else out.push(b[j++] ?? 0);
  }
  return out;
}

function overlaps(aLo: number, aHi: number, bLo: number, bHi: number): boolean {
  return aLo <= bHi && bLo <= aHi;
}

/**
 * A set of pairs of mention indices (lo < hi), in open addressing over typed arrays. The index
 * proposes the same pair from many bands and neighbourhoods, tens of millions of times for a
 * large incident; a Set of numeric keys spends most of the merge on that.
 */
class PairSet {
  los = new Int32Array(1024).fill(-1);
  his = new Int32Array(1024);
  size = 0;

  /** Adds a pair; false when it was there already. */
  add(lo: number, hi: number): boolean {
    if (this.size * 2 >= this.los.length) this.grow();
    const mask = this.los.length - 1;
    for (let slot = mix(Math.imul(lo, 0x9e3779b1) ^ hi) & mask; ; slot = (slot + 1) & mask) {
      const at = this.los[slot] ?? -1;
      if (at === -1) {
        this.los[slot] = lo;
        this.his[slot] = hi;
        this.size++;
        return true;
      }
      if (at === lo && this.his[slot] === hi) return false;
    }
  }

  private grow(): void {
    const { los, his } = this;
    this.los = new Int32Array(los.length * 2).fill(-1);
    this.his = new Int32Array(los.length * 2);
    this.size = 0;
    for (let slot = 0; slot < los.length; slot++) {
      const lo = los[slot] ?? -1;
      if (lo !== -1) this.add(lo, his[slot] ?? 0);
    }
  }
}

/** Candidate pairs as two parallel lists of mention indices. */
interface Pairs {
  a: Int32Array;
  b: Int32Array;
  length: number;
}

/** Pairs worth comparing: all pairs of a small date block, MinHash/LSH bucket mates in a large one. */
function candidatePairs(items: readonly Item[], hashes: Uint32Array, indexed: Uint8Array, settings: Settings): Pairs {
  const blocks = new Map<number, number[]>();
  items.forEach((item, index) => {
    for (let year = yearOfDay(item.lo); year <= yearOfDay(item.hi); year++) {
      const block = blocks.get(year);
      if (block) block.push(index);
      else blocks.set(year, [index]);
    }
  });
  const seen = new PairSet();
  const pairs: Pairs = { a: new Int32Array(1024), b: new Int32Array(1024), length: 0 };
  const add = (a: number, b: number) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (lo === hi || !seen.add(lo, hi)) return;
    if (pairs.length === pairs.a.length) {
      const grown = { a: new Int32Array(pairs.a.length * 2), b: new Int32Array(pairs.b.length * 2) };
      grown.a.set(pairs.a);
      grown.b.set(pairs.b);
      pairs.a = grown.a;
      pairs.b = grown.b;
    }
    pairs.a[pairs.length] = lo;
    pairs.b[pairs.length] = hi;
    pairs.length++;
  };
  const signatureLength = settings.bands * settings.rows;
  const seeds = Array.from({ length: signatureLength }, (_, k) => mix(0x9e3779b9 + k * 0x632be5ab));
  const signatures = new Map<number, Uint32Array>();
  const signatureOf = (index: number): Uint32Array => {
    let signature = signatures.get(index);
    if (signature) return signature;
    signature = new Uint32Array(signatureLength).fill(0xffffffff);
    const tokens = items[index]?.tokens ?? new Int32Array();
    const rare = tokens.filter((id) => indexed[id] === 1);
    for (const id of rare.length ? rare : tokens) {
      const base = hashes[id] ?? 0;
      for (let k = 0; k < signatureLength; k++) {
        const h = mix(base ^ (seeds[k] ?? 0));
        if (h < (signature[k] ?? 0)) signature[k] = h;
      }
    }
    signatures.set(index, signature);
    return signature;
  };
  const byDate = (a: number, b: number) => (items[a]?.lo ?? 0) - (items[b]?.lo ?? 0) || a - b;
  const seenBuckets = new Set<string>();
  for (const block of blocks.values()) {
    if (block.length <= settings.exactBlockSize) {
      for (let i = 0; i < block.length; i++) for (let j = i + 1; j < block.length; j++) add(block[i] ?? 0, block[j] ?? 0);
      continue;
    }
    // Wordings of one happening may share few words but name the same kind of happening close in time.
    for (const bit of KIND_BITS.values()) {
      const sameKind = block.filter((index) => ((items[index]?.kinds ?? 0) & bit) !== 0).sort(byDate);
      for (let i = 0; i < sameKind.length; i++) {
        for (let j = i + 1; j < Math.min(sameKind.length, i + 1 + settings.neighbours); j++) add(sameKind[i] ?? 0, sameKind[j] ?? 0);
      }
    }
    for (let band = 0; band < settings.bands; band++) {
      const buckets = new Map<string, number[]>();
      for (const index of block) {
        const signature = signatureOf(index);
        if ((items[index]?.tokens.length ?? 0) === 0) continue;
        let key = '';
        for (let r = 0; r < settings.rows; r++) key += `${signature[band * settings.rows + r] ?? 0}.`;
        const bucket = buckets.get(key);
        if (bucket) bucket.push(index);
        else buckets.set(key, [index]);
      }
      for (const bucket of buckets.values()) {
        if (bucket.length < 2) continue;
        // A word shared by many mentions puts the very same mentions together in band after band; their pairs are known already.
        const members = bucket.join(',');
        if (seenBuckets.has(members)) continue;
        seenBuckets.add(members);
        // An overfull bucket is a word most mentions share: compare only mentions close in time.
        const window = bucket.length > settings.maxBucketSize ? settings.maxBucketSize : bucket.length;
        if (bucket.length > settings.maxBucketSize) bucket.sort(byDate);
        for (let i = 0; i < bucket.length; i++) {
          for (let j = i + 1; j < Math.min(bucket.length, i + window); j++) add(bucket[i] ?? 0, bucket[j] ?? 0);
        }
      }
    }
  }
  return pairs;
}

/** Clusters mentions: union-find over candidate links, strongest first, each merge checked against the groups as a whole. */
function cluster({ items, weights, hashes, indexed }: Prepared, settings: Settings): number[][] {
  interface Edge {
    a: number;
    b: number;
    score: number;
  }
  const edges: Edge[] = [];
  const pairs = candidatePairs(items, hashes, indexed, settings);
  for (let k = 0; k < pairs.length; k++) {
    const a = pairs.a[k] ?? 0;
    const b = pairs.b[k] ?? 0;
    const x = items[a];
    const y = items[b];
    if (!x || !y) continue;
    const compatible = overlaps(x.lo, x.hi, y.lo, y.hi);
    if (!compatible && !(x.stated && y.stated)) continue;
    const score = similarity(x, y, weights, settings.evidence);
    if (score >= (compatible ? settings.linkThreshold : settings.conflictThreshold)) edges.push({ a, b, score });
  }
  edges.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);

  const parent = items.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    let node = index;
    while (parent[node] !== root) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  const clusters = new Map<number, Cluster>();
  const clusterOf = (root: number): Cluster => {
    let found = clusters.get(root);
    if (!found) {
      const item = items[root];
      found = { members: [root], lo: item?.lo ?? 0, hi: item?.hi ?? 0, conflict: false };
      clusters.set(root, found);
    }
    return found;
  };
  // Many candidate links join the same two groups; until one of them grows, their average link stays what it was.
  const links = new WeakMap<Cluster, WeakMap<Cluster, number>>();
  const averageLink = (p: Cluster, q: Cluster): number => {
    let known = links.get(p);
    const link = known?.get(q);
    if (link !== undefined) return link;
    const value = computeAverageLink(p, q);
    if (!known) {
      known = new WeakMap();
      links.set(p, known);
    }
    known.set(q, value);
    return value;
  };
  const computeAverageLink = (p: Cluster, q: Cluster): number => {
    const left = p.members.slice(0, settings.representatives);
    const right = q.members.slice(0, settings.representatives);
    let sum = 0;
    for (const a of left) for (const b of right) sum += similarity(items[a] as Item, items[b] as Item, weights, settings.evidence);
    return sum / (left.length * right.length);
  };

  for (const edge of edges) {
    const ra = find(edge.a);
    const rb = find(edge.b);
    if (ra === rb) continue;
    const p = clusterOf(ra);
    const q = clusterOf(rb);
    // A group holding a date conflict is compared by the hull of its dates.
    const compatible = overlaps(p.lo, p.hi, q.lo, q.hi);
    const link = averageLink(p, q);
    if (link < (compatible ? settings.clusterThreshold : settings.conflictThreshold)) continue;
    const root = Math.min(ra, rb);
    const other = root === ra ? rb : ra;
    parent[other] = root;
    const conflict = p.conflict || q.conflict || !compatible;
    const merged: Cluster = {
      members: mergeSorted(p.members, q.members),
      lo: conflict ? Math.min(p.lo, q.lo) : Math.max(p.lo, q.lo),
      hi: conflict ? Math.max(p.hi, q.hi) : Math.min(p.hi, q.hi),
      conflict,
    };
    clusters.delete(other);
    clusters.set(root, merged);
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  });
  return [...groups.values()];
}

interface DatePick {
  date: string;
  precision: Precision;
  approximate: boolean;
  dateConflict?: TimelineEvent['dateConflict'];
}

function commonPrefixDate(values: readonly string[]): { date: string; precision: Precision } | undefined {
  const parts = values.map((v) => v.slice(0, 10).split('-'));
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const part = parts[0]?.[k];
    if (part === undefined || parts.some((p) => p[k] !== part)) break;
    out.push(part);
  }
  if (out.length === 0) return undefined;
  return { date: out.join('-'), precision: (['year', 'month', 'day'] as const)[out.length - 1] ?? 'year' };
}

/**
 * The date of a group whose dates agree: the most precise stated (non-approximate) date, unless an
 * approximate one is finer by two steps or more (an anchored day within a stated year). Among stated
 * dates the best supported wins, among approximate ones the earliest (an anchor says "no later than").
 */
function bestDate(members: readonly Item[]): PartialDate | undefined {
  const support = new Map<string, { date: PartialDate; count: number; stated: boolean }>();
  for (const item of members) {
    const d = item.mention.date;
    const key = `${d.value}|${d.precision}|${d.approximate}`;
    const entry = support.get(key);
    if (entry) {
      entry.count++;
      entry.stated ||= item.stated;
    } else support.set(key, { date: d, count: 1, stated: item.stated });
  }
  const ranked = [...support.values()].sort(
    (a, b) =>
      PRECISION_RANK[b.date.precision] - PRECISION_RANK[a.date.precision] ||
      Number(b.stated) - Number(a.stated) ||
      (a.date.approximate ? 0 : b.count - a.count) ||
      compareStrings(dateSortKey(a.date.value), dateSortKey(b.date.value)),
  );
  const exact = ranked.find((entry) => !entry.date.approximate)?.date;
  const vague = ranked.find((entry) => entry.date.approximate)?.date;
  if (!exact) return vague;
  if (vague && PRECISION_RANK[vague.precision] - PRECISION_RANK[exact.precision] >= 2) return vague;
  return exact;
}

function pickDate(members: readonly Item[], approximateDays: number): DatePick {
  let lo = -Infinity;
  let hi = Infinity;
  for (const item of members) {
    lo = Math.max(lo, item.lo);
    hi = Math.min(hi, item.hi);
  }
  const allApproximate = members.every((item) => item.mention.date.approximate);
  const best = bestDate(members);
  const agreed: DatePick = { date: best?.value ?? '', precision: best?.precision ?? 'year', approximate: best?.approximate ?? allApproximate };
  if (lo <= hi) return agreed;
  // Sources disagree: report each side, place the event at what the sides share.
  const stated = members.filter((item) => item.stated);
  const distinct = new Map<string, { date: string; precision: Precision; lo: number; hi: number; sources: Set<string> }>();
  for (const item of stated.length ? stated : members) {
    const d = item.mention.date;
    const key = `${d.value}|${d.precision}`;
    const entry = distinct.get(key);
    if (entry) entry.sources.add(item.mention.source);
    else {
      const [lo, hi] = rangeOf(d, approximateDays);
      distinct.set(key, { date: d.value, precision: d.precision, lo, hi, sources: new Set([item.mention.source]) });
    }
  }
  const entries = [...distinct.values()];
  const sides = entries.filter((e) => entries.some((o) => o !== e && !overlaps(e.lo, e.hi, o.lo, o.hi)));
  sides.sort((a, b) => compareStrings(dateSortKey(a.date), dateSortKey(b.date)) || PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision]);
  if (sides.length === 0) return agreed;
  const dateConflict = sides.map((e) => ({ date: e.date, precision: e.precision, sources: [...e.sources].sort() }));
  const shared = commonPrefixDate(sides.map((e) => e.date));
  return shared ? { ...shared, approximate: allApproximate, dateConflict } : { ...agreed, dateConflict };
}

/** The mention most like the others (the medoid), preferring stated dates and shorter sentences on ties. */
function centralMention(members: readonly Item[], weights: Float64Array, evidence: Evidence, representatives: number): Item {
  const pool = members.length > representatives * 4 ? members.slice(0, representatives * 4) : members;
  let best = pool[0] as Item;
  let bestScore = -1;
  for (const item of pool) {
    let score = 0;
    for (const other of pool) if (other !== item) score += similarity(item, other, weights, evidence);
    const better =
      score > bestScore + 1e-9 ||
      (Math.abs(score - bestScore) <= 1e-9 && (Number(item.stated) > Number(best.stated) || (item.stated === best.stated && item.mention.text.length < best.mention.text.length)));
    if (better) {
      best = item;
      bestScore = score;
    }
  }
  return best;
}

/** A sentence cut to a label: at a clause boundary when it is long, never with words of its own. */
function summarize(text: string, limit: number, expression?: string): string {
  let label = text.trim().replace(/^[“”"'‘’«»\s]+/u, '');
  if ((label.match(/[“”"«»]/gu)?.length ?? 0) % 2 === 1) label = label.replace(/[”"»]+$/u, '');
  if (label.length <= limit) return label;
  // The label must show what dates the entry: when the date phrase lies past the cut, start at its clause.
  const at = expression ? label.indexOf(expression) : -1;
  if (at > limit * 0.6) {
    // A dash typed as a hyphen between spaces ("LONDON, March 3 (Reuters) - The …") opens a clause too.
    const starts = [...label.slice(0, at).matchAll(/[,;:]\s+|\s[—–-]\s/gu)].map((m) => (m.index ?? 0) + m[0].length);
    const start = starts.length ? Math.max(...starts) : 0;
    if (start > 0) return `…${summarize(label.slice(start), limit - 1)}`;
  }
  const head = label.slice(0, limit);
  const boundaries = [...head.matchAll(/[,;:)]\s|\s[—–-]\s|\s\(/gu)].map((m) => m.index ?? 0).filter((i) => i >= limit / 3);
  const cut = boundaries.length ? Math.max(...boundaries) : head.lastIndexOf(' ');
  return `${label.slice(0, cut > 0 ? cut : limit).replace(/[\s.,;:—–-]+$/u, '')}…`;
}

function slugWords(text: string): string {
  const words = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let slug = '';
  for (const word of words) {
    if (slug.length + word.length + 1 > 48) break;
    slug = slug ? `${slug}-${word}` : word;
  }
  return slug || 'event';
}

/**
 * Merges event mentions of all sources into one deduplicated timeline.
 *
 * Mentions are linked when their dates are compatible at their precision and their wording is
 * similar (stemmed tokens, actor aliases folded, IDF-weighted); candidate pairs come from year
 * blocks and a MinHash/LSH index, so the cost grows about linearly with the number of mentions.
 * Sources that give the same happening different dates are merged only on strong similarity and
 * reported in `dateConflict`. The result does not depend on the order of `mentions`.
 */
export function mergeEvents(mentions: readonly EventMention[], options: MergeEventsOptions): TimelineEvent[] {
  const settings = settingsOf(options);
  const prepared = prepare(mentions, options.actors, settings);
  const { items, weights } = prepared;
  const events: Array<TimelineEvent & { firstKey: string }> = [];
  for (const group of cluster(prepared, settings)) {
    const members = group.map((index) => items[index] as Item);
    const picked = pickDate(members, settings.approximateDays);
    const central = centralMention(members, weights, settings.evidence, settings.representatives);
    const summary = summarize(central.mention.text, settings.summaryLength, central.mention.expression);
    const event: TimelineEvent & { firstKey: string } = {
      id: `${picked.date.toLowerCase().replace(/[^0-9a-z]+/g, '-')}-${slugWords(summary)}`,
      date: picked.date,
      precision: picked.precision,
      approximate: picked.approximate,
      summary,
      mentions: members.map((item) => item.mention),
      firstKey: mentionKey(members[0]?.mention as EventMention),
    };
    if (picked.dateConflict) event.dateConflict = picked.dateConflict;
    events.push(event);
  }
  events.sort((a, b) => compareStrings(dateSortKey(a.date), dateSortKey(b.date)) || compareStrings(a.id, b.id) || compareStrings(a.firstKey, b.firstKey));
  const used = new Set<string>();
  return events.map(({ firstKey: _, ...event }) => {
    let id = event.id;
    for (let n = 2; used.has(id); n++) id = `${event.id}-${n}`;
    used.add(id);
    return id === event.id ? event : { ...event, id };
  });
}
