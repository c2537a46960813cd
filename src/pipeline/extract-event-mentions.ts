import { perDefinition } from './per-definition.ts';
import type { Actor, ArticleAnalysis, DateExpression, DatedSentence, EventMention, PartialDate, ReferenceDate } from './types.ts';
import { matchesOf } from './matches-of.ts';

/** Options of `extractEventMentions`. */
export interface ExtractEventMentionsOptions {
  /**
   * Actors of incident.yaml. A confirmation, admission or response counts as a key happening only
   * when one of them is its subject; with no actors, any named party is.
   */
  actors: Actor[];
  /** Anchor undated key happenings at the sentence's report date (default true). */
  anchorUndated?: boolean;
}

/**
 * Verbs of a party speaking for itself: a key happening when the party is one of the incident's actors
 * (a confirmation by anyone else, "it confirmed that …", is background of another happening).
 */
const COMMUNICATED = ['confirmed', 'admitted', 'acknowledged', 'conceded', 'apologized', 'apologised', 'responded', 'replied'];

/** Verbs, in the past tense or as past participles, that report a key happening on their own. */
const HAPPENED = [
  // fixes
  'fixed', 'patched', 'resolved', 'repaired', 'restored', 'remedied', 'rectified',
  // enforcement and courts
  'recalled', 'arrested', 'detained', 'charged', 'indicted', 'sued', 'fined', 'banned', 'suspended', 'convicted',
  'sentenced', 'raided', 'seized', 'evacuated',
  // reports
  'reported',
];

/** Verbs that report a key happening only with a fitting object ("launched a probe", "issued a statement"). */
const HAPPENED_WITH_OBJECT = [
  'launched', 'opened', 'initiated', 'started', 'began', 'begun', 'commenced', 'ordered', 'announced',
  'issued', 'released', 'published', 'posted', 'sent', 'rolled out', 'pushed out', 'put out', 'filed', 'imposed', 'brought',
];

/** What those verbs must act on to count: inquiries, statements, fixes, proceedings, penalties. */
const OBJECTS = [
  'investigation', 'investigations', 'probe', 'probes', 'inquiry', 'inquiries', 'enquiry', 'review', 'audit', 'inquest',
  'statement', 'statements', 'response', 'apology', 'clarification', 'notice', 'advisory', 'warning', 'press release', 'report',
  'findings', 'ruling', 'decision', 'letter', 'update', 'updates', 'patch', 'patches', 'fix', 'fixes', 'firmware', 'recall',
  'lawsuit', 'suit', 'complaint', 'charges', 'case', 'claim', 'petition', 'proceedings', 'appeal', 'fine', 'fines', 'penalty',
  'ban', 'sanctions', 'order', 'alert',
];

/** Ongoing actions that imply the action has been opened ("is investigating", "are initiating an investigation"). */
const ONGOING = /\b(?:is|are)\s+(?:now\s+|currently\s+|also\s+|already\s+)?(?:investigating|probing|examining|initiating|launching|opening|reviewing|suing)\b/iu;

/** Statements made through a channel: "said in a statement", "in an email to …". */
const STATEMENT = /\b(?:said|says|stated|wrote|explained|added|noted|confirmed)\s+(?:in|via|through)\s+(?:an?|its|their|the|his|her)\s+(?:\w+\s+){0,2}(?:statement|e-?mail|press release|blog post|letter|filing|post|tweet)\b|\bin\s+(?:an?|its|their)\s+(?:\w+\s+){0,2}(?:statement|press release)\b/iu;

/** Words that make a clause future, conditional or hypothetical. */
const MODAL = /[’']d\s+(?:rather|sooner|better|like|love|prefer)\b|\b(?:will|won[’']t|would|wouldn[’']t|could|couldn[’']t|might|may|shall|should|shouldn[’']t|must|can|cannot|can[’']t|going to|plans? to|planned to|intends? to|expects? to|expected to|aims? to|hopes? to|is set to|are set to|if|unless)\b|[’']ll\b/iu;

/** Words that make a reported content speculation rather than a finding ("reported that the cause could be …"). */
const SPECULATIVE = /\b(?:could|might|may|possibly|perhaps|allegedly)\b/iu;

/** How many words before a verb its subject may span ("the Finnish data protection ombudsman has since"). */
const SUBJECT_WORDS = 6;

/** Capitalised words that name no party. */
const UNNAMED = new Set('the a an it its this that these those they he she we i you there then however meanwhile later now also'.split(' '));

/** A subject that says the happening did not happen: "No injuries were reported", "Nobody was evacuated". */
const NEGATED_SUBJECT = /^\s*(?:no|none|nobody|no[- ]one|neither|nothing)\b/iu;

/**
 * A correction, credit or note about the article itself ("An earlier version of this article said …",
 * "This story was reported by …", "Editor's note: this story was first published by …", "This article
 * is part of our series …"): the outlet's work, not a happening.
 */
const SELF_CORRECTION =
  /^\s*(?:this\s+(?:story|article|report)\s+was\s+(?:reported|written|produced|edited|updated)\s+by|\(?\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by|editor[’']?s\s+note\b)\b|\bthis\s+(?:article|story|report|piece|post)\s+(?:was\s+(?:first|originally)\s+published|(?:is|forms)\s+part\s+of)\b|\b(?:earlier|previous|original|older|first)\s+version\s+of\s+this\s+(?:article|story|report|piece|post)\b|\bthis\s+(?:article|story|report|piece|post)\s+(?:has\s+been|was|is\s+being)\s+(?:corrected|amended|updated|changed|revised)\b/iu;

/** Block types of headings. */
const HEADING = /^h[1-6]$/u;

/** Words that negate the verb right after them. */
const NEGATION = /\b(?:not|never|no|n[’']t|without|declined to|refused to|failed to|yet to)\s*$/iu;

/** Generic statements that report no happening ("it's not unheard of …", "this is a standard practice"). */
const GENERIC = /\b(?:it[’']s|it is|this is|that is|that[’']s|is an?)\s+(?:not\s+)?(?:\w+\s+)?(?:unheard of|uncommon|common|unusual|usual|standard|normal|typical|rare|industry)\b/iu;

/** Words of a dateline or revision label ("Update, March 22, 2019:", "Published 3 May 2021 by …"). */
const DATELINE_WORDS = new Set(
  'update updated updates published posted original originally article story version edit edited editor correction corrected modified revised last first on at by am pm ist gmt utc est edt cet'.split(' '),
);

/** Reporting frames: an expression inside one dates the report, not the happening. */
const REPORTING = /\b(?:according to|reports?|reported|reporting|said|says|told|tells|wrote|writes|stated|statement|interview|quoted)\b/iu;

/** Clause boundaries: punctuation and the conjunctions that open a new clause. */
const CLAUSE_BREAK = /[,;:()\u2014\u2013]|\s-\s|\b(?:but|while|whereas|although|though|however|because)\b/giu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const COMMUNICATED_RE = new RegExp(`\\b(?:${COMMUNICATED.join('|')})\\b`, 'giu');
const HAPPENED_RE = new RegExp(`\\b(?:${HAPPENED.map(escapeRegExp).join('|')})\\b`, 'giu');
const WITH_OBJECT_RE = new RegExp(
  `\\b(?:${HAPPENED_WITH_OBJECT.map(escapeRegExp).join('|')})\\b(?:\\s+[\\p{L}\\p{N}'’-]+){0,4}?\\s+(?:${OBJECTS.map(escapeRegExp).join('|')})\\b`,
  'giu',
);

/** The sentence's expressions with offsets that point at their text (or -1), whatever the offsets given. */
function locatedDates(sentence: DatedSentence): DateExpression[] {
  return sentence.dates.map((expression) =>
    sentence.text.startsWith(expression.text, expression.index) ? expression : { ...expression, index: sentence.text.indexOf(expression.text) },
  );
}

/** The sentence with every date expression blanked out, so that dates neither split clauses nor count as words. */
function maskDates(text: string, dates: readonly DateExpression[]): string {
  let masked = text;
  for (const expression of dates) {
    if (expression.index < 0) continue;
    masked = masked.slice(0, expression.index) + ' '.repeat(expression.text.length) + masked.slice(expression.index + expression.text.length);
  }
  return masked;
}

/** Start and end offsets of the clause around a position. */
function clauseAround(masked: string, position: number): [number, number] {
  let start = 0;
  let end = masked.length;
  for (const match of matchesOf(masked, CLAUSE_BREAK)) {
    const at = match.index ?? 0;
    if (at + match[0].length <= position) start = at + match[0].length;
    else if (at >= position) {
      end = at;
      break;
    }
  }
  return [start, end];
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu) ?? [];
}

/** Passages of speech: a happening inside a quotation is the speaker's claim, not the outlet's report of it. */
function withoutQuotations(text: string): string {
  let out = text.replace(/[“"«][^“”"«»]*[”"»]/gu, (q) => ' '.repeat(q.length));
  const open = out.search(/[“«]/u);
  if (open >= 0) out = out.slice(0, open) + ' '.repeat(out.length - open);
  const close = out.search(/[”»]/u);
  if (close >= 0) out = ' '.repeat(close + 1) + out.slice(close + 1);
  return out;
}

/** The actors' names and aliases as `words` reads them, prepared once for all the sentences of an article. */
interface ActorNames {
  /** Whether the incident defines any actor. */
  any: boolean;
  /** Each name's words joined by single spaces. */
  keys: string[];
  /** Every word of every name. */
  words: Set<string>;
}

const actorNames = perDefinition((actors: readonly Actor[]): ActorNames => {
  const names = actors.flatMap((actor) => [actor.name, ...actor.aliases]);
  return {
    any: actors.length > 0,
    keys: names.map((name) => words(name).join(' ')).filter((key) => key !== ''),
    words: new Set(names.flatMap(words)),
  };
});

/**
 * A sentence that is only a dateline or revision label once its dates are removed: at most one
 * word besides labels, names and numbers, and not a sentence whose verb that word is ("On Friday,
 * Graham Otley quit.": a word in lower case, ended by a full stop).
 */
function isDateline(masked: string, names: ActorNames): boolean {
  const rest = (masked.match(/[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu) ?? []).filter((w) => !DATELINE_WORDS.has(w.toLowerCase()) && !names.words.has(w.toLowerCase()) && !/\d/.test(w));
  if (rest.length > 1) return false;
  return !(rest.length === 1 && /^\p{Ll}/u.test(rest[0]!) && /[.!][”"’']?\s*$/u.test(masked));
}

/** The place of a wire story's dateline, in capitals: "PORT ELLIS, March 3 (Harbour Wire) - …". */
const DATELINE_PLACE = /^\s*\p{Lu}[\p{Lu}\p{M} .'’/-]*,\s*$/u;
/** What follows a dateline's date: the agency in brackets, then a dash. */
const DATELINE_END = /^\s*(?:\([^()]{1,40}\)\s*)?(?:[-–—]|\s-\s)/u;

/**
 * A date expression that labels the article or one of its revisions ("Updated on March 22:"), or
 * the date of a wire story's dateline ("LONDON, March 3 (Reuters) -"), which dates the filing.
 */
function isDatelineExpression(text: string, expression: DateExpression): boolean {
  const before = text.slice(0, expression.index);
  if (DATELINE_PLACE.test(before) && DATELINE_END.test(text.slice(expression.index + expression.text.length))) return true;
  return /(?:^|[\s(\[])(?:updated?|published|posted|first published|last updated|originally published|original article)[\s,:]*(?:on\s+|at\s+)?$/iu.test(before);
}

function dayOf(value: string): string {
  return value.slice(0, 10);
}

/** Words that cannot be the noun a date qualifies ("over the weekend at the hospital"). */
const NOT_A_NOUN = new Set(
  `at in on by to of for from with without into onto over under after before since until during and or but nor so yet as
  when while where which who that than then there here when is was were are be been has had have will would could should may
  might must can did does do not also still only just again already`.split(/\s+/u),
);

/** A preposition and a determiner before a date that names a happening: "over the June 12 derailment", "after its 2021 inspection". */
const NAMING_LEAD = /\b(?:over|after|into|since|about|following|before|from|of|regarding|concerning|despite|amid)\s+(?:the|its|their|his|her|this|that|last)\s+$/iu;

/**
 * A date inside a noun phrase after a preposition ("the first lawsuit over the June 12 derailment"):
 * it dates the happening the phrase names, which is not what the sentence reports.
 */
function namesAnotherHappening(text: string, expression: DateExpression): boolean {
  if (!NAMING_LEAD.test(text.slice(0, expression.index))) return false;
  // "over the weekend at the hospital": the date is the phrase's noun; "over the June 12 derailment": a noun follows it.
  const next = /^\s+(\p{Ll}[\p{L}'’-]*)/u.exec(text.slice(expression.index + expression.text.length))?.[1];
  return next !== undefined && !NOT_A_NOUN.has(next);
}

/** The first and last day a date can stand for, as YYYY-MM-DD. */
function spanOf(date: PartialDate): [string, string] {
  const value = dayOf(date.value);
  if (value.length === 10) return [value, value];
  if (value.length === 7) return [`${value}-01`, `${value}-31`];
  return [`${value}-01-01`, `${value}-12-31`];
}

/** The last day the report can have been written, when known. */
function latestReportDay(reference: ReferenceDate): string | undefined {
  if (reference.kind === 'known') return spanOf(reference.date)[1];
  if (reference.kind === 'bounded') return reference.before;
  return undefined;
}

/**
 * The report date as an approximate anchor: a known reference at its precision (time cut to the day),
 * a bounded one at the precision both bounds agree on; undefined when nothing honest can be said.
 */
function anchorOf(reference: ReferenceDate): PartialDate | undefined {
  if (reference.kind === 'known') {
    const precision = reference.date.precision === 'time' ? 'day' : reference.date.precision;
    return { value: precision === 'day' ? dayOf(reference.date.value) : reference.date.value, precision, approximate: true };
  }
  if (reference.kind === 'bounded' && reference.after && reference.before) {
    const { after, before } = reference;
    if (after === before) return { value: after, precision: 'day', approximate: true };
    if (after.slice(0, 7) === before.slice(0, 7)) return { value: after.slice(0, 7), precision: 'month', approximate: true };
    if (after.slice(0, 4) === before.slice(0, 4)) return { value: after.slice(0, 4), precision: 'year', approximate: true };
  }
  return undefined;
}

/** A verb of saying in the past or present: what follows it is what was said. */
const SAYING = /\b(?:said|says|told|tells|announced|announces|confirmed|confirms|stated|states|wrote|writes|warned|warns)\b/iu;

/**
 * True when the clause around `position` is future, conditional or hypothetical. A date that a
 * verb of saying follows dates the saying: "On Wednesday it said it would publish its findings"
 * reports a statement made, whatever the statement foresees.
 */
function isIrrealis(masked: string, position: number): boolean {
  const [start, end] = clauseAround(masked, position);
  const saying = SAYING.exec(masked.slice(position, end));
  const stop = saying ? position + saying.index + saying[0].length : end;
  return MODAL.test(masked.slice(start, stop));
}

/** True when the verb at `position` is made future, conditional or hypothetical by a word before it in its clause. */
function isIrrealisVerb(masked: string, position: number): boolean {
  const [start] = clauseAround(masked, position);
  return MODAL.test(masked.slice(start, position));
}

/** The expression that dates the happening, or undefined when the sentence reports none with a date. */
function datingExpression(sentence: DatedSentence, dates: readonly DateExpression[], masked: string): DateExpression | undefined {
  const latest = latestReportDay(sentence.reference);
  const candidates = dates.filter((expression): expression is DateExpression & { date: PartialDate } => {
    if (!expression.date || expression.index < 0) return false;
    if (isDatelineExpression(sentence.text, expression)) return false;
    if (namesAnotherHappening(sentence.text, expression)) return false;
    // "Nothing about last month's recall was unusual", "No ransom had been paid by Monday": the clause denies a happening.
    if (NEGATED_SUBJECT.test(masked.slice(clauseAround(masked, expression.index)[0]))) return false;
    if (latest !== undefined && spanOf(expression.date)[0] > latest) return false;
    return !isIrrealis(masked, expression.index);
  });
  if (candidates.length <= 1) return candidates[0];
  const inReportingFrame = (expression: DateExpression) => {
    const [start, end] = clauseAround(masked, expression.index);
    return REPORTING.test(masked.slice(start, end));
  };
  return candidates.find((expression) => !inReportingFrame(expression)) ?? candidates[0];
}

/** True when the text names one of the actors, or when no actors are defined. */
function namesActor(text: string, names: ActorNames): boolean {
  if (!names.any) return true;
  const lower = ` ${words(text).join(' ')} `;
  return names.keys.some((key) => lower.includes(` ${key} `));
}

/**
 * True when an actor is the subject of the verb at `position`: named in its clause within a few
 * words before it ("Harbor Lines has since confirmed"), not merely elsewhere in the sentence
 * ("the broadcaster contacted the registry and it confirmed"). Without actors, any named party (a capitalised
 * word that is not a pronoun or an article) stands in for one.
 */
function actorSpeaks(text: string, position: number, names: ActorNames): boolean {
  const [start] = clauseAround(text, position);
  const before = text.slice(start, position);
  if (!names.any) {
    const recent = before.match(/[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu)?.slice(-SUBJECT_WORDS) ?? [];
    return recent.some((word) => /^\p{Lu}/u.test(word) && !UNNAMED.has(word.toLowerCase()));
  }
  return namesActor(words(before).slice(-SUBJECT_WORDS).join(' '), names);
}

/** True when the sentence, outside quotations, reports a key happening in the past or as under way. */
function reportsKeyHappening(text: string, names: ActorNames): boolean {
  const plain = withoutQuotations(text);
  // The pattern first: few sentences hold it, and looking for every actor's name costs more.
  if (STATEMENT.test(plain) && namesActor(plain, names)) return true;
  if (ONGOING.test(plain)) return true;
  for (const pattern of [COMMUNICATED_RE, HAPPENED_RE, WITH_OBJECT_RE]) {
    for (const match of matchesOf(plain, pattern)) {
      const at = match.index ?? 0;
      const before = plain.slice(0, at);
      if (NEGATION.test(before)) continue;
      if (NEGATED_SUBJECT.test(plain.slice(clauseAround(plain, at)[0], at))) continue;
      // "the reported data", "a confirmed case": a participle used as an adjective reports nothing.
      if (/\b(?:the|a|an|this|that|these|those|its|their|his|her|our|any|some)\s+$/iu.test(before)) continue;
      if (isIrrealisVerb(plain, at)) continue;
      if (pattern === COMMUNICATED_RE && !actorSpeaks(plain, at, names)) continue;
      const tells = pattern === COMMUNICATED_RE || /^reported$/iu.test(match[0]);
      if (tells && SPECULATIVE.test(plain.slice(at + match[0].length, clauseAround(plain, at)[1]))) continue;
      return true;
    }
  }
  return false;
}

/**
 * Finds the sentences of an article that report something happening and turns each into an event mention.
 *
 * A sentence dated by an expression of its own is dated by the expression that dates the happening
 * (not a dateline, not a future date, preferably not the date of a report it cites). A sentence without
 * a date that reports a key happening (an inquiry opened, a statement issued, a fix released, an arrest,
 * a fine, a confirmation …) is anchored at its report date, flagged approximate. Questions, generic
 * statements, future and hypothetical clauses yield nothing.
 */
export function extractEventMentions(article: ArticleAnalysis, options: ExtractEventMentionsOptions): EventMention[] {
  const anchorUndated = options.anchorUndated ?? true;
  const names = actorNames(options.actors);
  const mentions: EventMention[] = [];
  for (const sentence of article.sentences) {
    const text = sentence.text.trim();
    if (!text || /\?[”"’']?\s*$/u.test(text)) continue;
    // A heading titles what the paragraphs under it report; it is not a report of its own.
    if (HEADING.test(sentence.blockType)) continue;
    const dates = locatedDates(sentence);
    const masked = maskDates(sentence.text, dates);
    if (GENERIC.test(masked) || SELF_CORRECTION.test(masked)) continue;
    const hasDate = dates.some((expression) => expression.date !== null);
    if (hasDate && isDateline(masked, names)) continue;
    const expression = datingExpression(sentence, dates, masked);
    if (expression?.date) {
      mentions.push({ source: article.source, anchor: sentence.id, text: sentence.text, expression: expression.text, date: expression.date });
      continue;
    }
    if (!anchorUndated || !reportsKeyHappening(masked, names)) continue;
    const anchor = anchorOf(sentence.reference);
    if (anchor) mentions.push({ source: article.source, anchor: sentence.id, text: sentence.text, date: anchor });
  }
  return mentions;
}
