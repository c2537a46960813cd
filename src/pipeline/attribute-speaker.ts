import { perDefinition } from './per-definition.ts';
import type { Actor, ArticleAnalysis, Sentence } from './types.ts';
import { matchesOf } from './matches-of.ts';

/** One quotation in a text, found by its marks. */
export interface QuotationSpan {
  /** Offset of the opening mark, or 0 when the quotation began before this text. */
  start: number;
  /** Offset after the closing mark, or the text's length when the quotation goes on after it. */
  end: number;
  /** The quoted words, without the marks and surrounding whitespace. */
  inner: string;
  /** Offset of `inner` in the text. */
  innerStart: number;
  /** The quotation began in an earlier sentence (the text opens inside it). */
  opensBefore: boolean;
  /** The quotation is not closed in this text. */
  continues: boolean;
}

export interface QuotationSpansOptions {
  /** The text starts inside a quotation left open by the previous sentence (default false). */
  open?: boolean;
}

const OPENING = new Map([
  ['“', '”'],
  ['„', '“'],
  ['«', '»'],
  ['»', '«'],
]);
const CLOSING = new Set(['”', '»', '«', '“']);
/** Every mark that can open or close a quotation by itself (’ only closes one that ‘ opened). */
const ANY_MARK = /[“„«»"‘”]/u;

/**
 * The outermost quotations of a text: “…”, „…“, «…», "…" and ‘…’. A curly single mark counts only
 * where it cannot be an apostrophe (an opening ‘ after a space, a closing ’ not followed by a letter).
 * An unclosed quotation runs to the end of the text; a closing mark with no opening one, before any
 * other quotation, ends a quotation carried over from the previous sentence.
 */
export function quotationSpans(text: string, options: QuotationSpansOptions = {}): QuotationSpan[] {
  // Most sentences hold no quotation mark at all; the scan below looks at every character.
  if (!options.open && !ANY_MARK.test(text)) return [];
  const spans: QuotationSpan[] = [];
  let open = options.open ? { at: 0, mark: '“', close: '”', carried: true } : undefined;
  let depth = open ? 1 : 0;
  const push = (start: number, end: number, innerFrom: number, innerTo: number, opensBefore: boolean, continues: boolean) => {
    const raw = text.slice(innerFrom, innerTo);
    const lead = raw.length - raw.trimStart().length;
    spans.push({ start, end, inner: raw.trim(), innerStart: innerFrom + lead, opensBefore, continues });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    if (open && depth > 0) {
      const closes =
        ch === open.close ||
        (open.mark === '"' && ch === '"') ||
        (open.mark === '‘' && ch === '’' && !/[\p{L}\p{N}]/u.test(after));
      const nests = ch === open.mark && open.mark !== '"' && open.mark !== '‘';
      if (nests) depth++;
      else if (closes && --depth === 0) {
        push(open.carried ? 0 : open.at, i + 1, open.carried ? 0 : open.at + 1, i, open.carried, false);
        open = undefined;
      }
      continue;
    }
    const close = OPENING.get(ch);
    if (close !== undefined && !(ch === '»' && spans.length === 0 && /[\p{L}\p{N}.,!?]/u.test(before))) {
      open = { at: i, mark: ch, close, carried: false };
      depth = 1;
    } else if (ch === '"' && /[\s([{—–-]/u.test(before) && /\S/u.test(after)) {
      // A straight mark opens only where a quotation can start: not the inch mark of 6" pipes.
      open = { at: i, mark: '"', close: '"', carried: false };
      depth = 1;
    } else if (ch === '‘' && /[\s([{—–-]/u.test(before)) {
      open = { at: i, mark: '‘', close: '’', carried: false };
      depth = 1;
    } else if (CLOSING.has(ch) && spans.length === 0 && /\S/u.test(text.slice(0, i))) {
      push(0, i + 1, 0, i, true, false);
    }
  }
  // An unclosed straight mark is more likely a stray than a quotation running on.
  if (open && open.mark !== '"') push(open.carried ? 0 : open.at, text.length, open.carried ? 0 : open.at + 1, text.length, open.carried, true);
  return spans;
}

/** The number of words of a text. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export interface AttributeSpeakerContext {
  /** The sentence before, in the same paragraph. */
  previous?: string;
  /** The sentence after, in the same paragraph. */
  next?: string;
  /**
   * Sentences of the paragraph before `previous`, in document order (default none): they let
   * "It added" or "the company" reach a speaker named earlier in the paragraph.
   */
  earlier?: readonly string[];
  actors: readonly Actor[];
  /** The outlet publishing the sentence: an attribution to it is the outlet itself speaking. */
  outlet: string;
}

export interface Attribution {
  /** An actor's name, or a person's name as written; absent when the outlet itself speaks. */
  speaker?: string;
  /** The speaker's actor id, when the speaker resolves to an actor. */
  actor?: string;
  /** The sentence carries words in quotation marks (three or more words). */
  quoted: boolean;
}

interface Party {
  speaker: string;
  actor?: string;
}

/** The context with the actors' names compiled once for all the sentences it reaches. */
interface Context extends AttributeSpeakerContext {
  names: CompiledNames;
  /**
   * Within one paragraph of `attributeSentences`: the attribution of its sentence `k` read as the
   * previous sentence of another (without a next sentence), by `k`. Each sentence's reading reaches
   * back through all the sentences before it, so without this a paragraph costs the square of its length.
   */
  previousReadings?: Map<number, Attribution>;
  /** Within one `attributeSentences`: the actors named in a text, by text. */
  namedIn?: Map<string, Named[]>;
}

const SPEECH_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'confirmed', 'confirms', 'noted', 'notes', 'insisted', 'insists',
  'denied', 'denies', 'claimed', 'claims', 'stated', 'states', 'explained', 'explains', 'acknowledged', 'acknowledges',
  'admitted', 'admits', 'reported', 'reports', 'reporting', 'announced', 'announces', 'wrote', 'writes', 'emphasized',
  'emphasised', 'emphasizes', 'emphasises', 'stressed', 'stresses', 'reiterated', 'reiterates', 'reaffirmed', 'reaffirms',
  'maintained', 'maintains', 'argued', 'argues', 'warned', 'warns', 'revealed', 'reveals', 'mentioned', 'mentions',
  'debunked', 'clarified', 'clarifies', 'responded', 'responds', 'replied', 'replies', 'asserted', 'asserts', 'alleged',
  'alleges', 'countered', 'disclosed', 'discloses', 'assured', 'assures', 'conceded', 'concedes', 'commented',
];
/** Issuing a statement attributes like a speech verb: "X has issued a statement to …". */
const STATEMENT_VERBS = '(?:issued|released|published|sent)(?=\\s+(?:an?|its|the)\\s+(?:[\\p{L}-]+\\s+)?statement)';
const VERB = new RegExp(`(?<![\\p{L}\\p{N}’'-])(?:${SPEECH_VERBS.join('|')}|${STATEMENT_VERBS})(?![\\p{L}\\p{N}-])`, 'gu');

/** Words after which a speech verb is passive, an infinitive or a noun: "is said to", "to say", "these claims". */
const NOT_BEFORE_VERB = new Set(
  'to be been being is are was were am the these those a an such his her its their our my your of new any no some many'.split(' '),
);
/** Words that end a subject on the left: a subject never reaches back past them. */
const SUBJECT_BOUNDARY = new Set(
  `that who whom whose which and but or nor while although though because when where if as since after before despite so yet
  than saying adding noting claiming insisting whether how what why`.split(/\s+/u),
);
/** Auxiliaries and adverbs between a subject and its verb: "has since confirmed", "later acknowledged". */
const BETWEEN = new Set(
  `has have had also later since then now previously earlier further again reportedly already publicly officially separately
  subsequently initially first once recently just too still meanwhile itself himself herself themselves only repeatedly`.split(/\s+/u),
);
/** "in its statement", "in an email to Reuters", "on Thursday" between a subject and its verb. */
const BETWEEN_PHRASE = /\s+(?:in\s+(?:its|a|an|his|her|their|the|one)\s+[\p{L}-]+(?:\s+(?:to|with)\s+[^,]+?)?|on\s+\p{Lu}\p{L}+)$/u;
const PRONOUNS = new Set(['it', 'he', 'she', 'they']);
/** A party's own words through a channel, named by a possessive: "His statement", "their letter", "her resignation email". */
const POSSESSIVE_CHANNEL = /^(?:his|her|its|their)\s+(?:[\p{L}-]+\s+)?(?:statement|letter|e-?mail|post|tweet|message|note|announcement)$/iu;
const FIRST_PERSON = new Set(['we', 'i', 'us']);
/** "Nobody has said", "Some say": no one in particular speaks. */
const NOBODY_IN_PARTICULAR = new Set(
  'nobody someone somebody anyone anybody everyone everybody none nothing something one few many some others all both each neither'.split(' '),
);
/** Heads of descriptors that stand for a party named nearby: "the company", "the outlet", "the statement". */
const PARTY_HEADS = new Set(
  `company firm manufacturer maker vendor brand licensee outlet broadcaster publication newspaper paper website site channel agency
  organization organisation regulator watchdog authority authorities ministry government department office operator provider
  group unit body spokesperson spokesman spokeswoman representative statement report`.split(/\s+/u),
);
/** Heads of descriptors that name a person or group of people, who may speak unnamed: "the user", "a researcher". */
const PERSON_HEADS = new Set(
  `user users owner owners customer customers researcher researchers expert experts analyst analysts official officials
  investigator investigators engineer engineers employee employees executive executives lawyer lawyers witness witnesses
  resident residents reader readers source sources insider insiders victim victims consumer consumers developer developers`.split(/\s+/u),
);
const ROLE_FOR = /^(?:an?\s+|the\s+)?(?:spokesperson|spokesman|spokeswoman|representative|official|executive|source|lawyer)s?\s+(?:for|of|from|at|with)\s+(.+)$/iu;
const NAME_CONNECTORS = new Set(['of', 'de', 'van', 'von', 'der', 'den', 'la', 'le', 'da', 'di', 'du', 'bin', 'al', 'del']);
const FRAMING = /\b(?:according\s+to|as\s+per)\s+([^,.;:()]+)/giu;
/** Found in every match of FRAMING, under its case folding (flags `iu`): most sentences frame nothing. */
const FRAMING_WORD = /according|per/iu;
const FRAMING_CUT = /\s+(?:which|who|that|on|in|at|earlier|last|this|yesterday|today|when|after|before|via)\b.*$/u;

const clean = (phrase: string) => phrase.replace(/«Q»/gu, ' ').replace(/\s+/gu, ' ').replace(/^[\s,]+|[\s,.]+$/gu, '');
const possessiveless = (word: string) => word.replace(/[’']s?$/u, '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+');

/** A text with its quotations replaced by a placeholder, so that words inside a quotation never attribute it. */
function mask(text: string, spans: readonly QuotationSpan[] = quotationSpans(text)): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += `${text.slice(at, span.start)} «Q» `;
    at = span.end;
  }
  return out + text.slice(at);
}

interface Named {
  actor: Actor;
  text: string;
  index: number;
}

interface NamePattern {
  actor: Actor;
  pattern: RegExp;
}

/** The actors' names and aliases as patterns, longest first, and one pattern that any of them matches. */
interface CompiledNames {
  /** Global patterns, shared: start each search at `lastIndex` 0. */
  each: readonly NamePattern[];
  /** Matches where any name matches: most texts name no actor, and one search tells so. */
  any: RegExp | undefined;
}

const boundedName = (source: string) => `(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`;

const compileNames = perDefinition((actors: readonly Actor[]): CompiledNames => {
  const names = actors
    .flatMap((actor) => [actor.name, ...actor.aliases].filter((name) => name.trim()).map((name) => ({ actor, name: name.trim() })))
    .sort((a, b) => b.name.length - a.name.length);
  return {
    each: names.map(({ actor, name }) => ({ actor, pattern: new RegExp(boundedName(escape(name)), 'giu') })),
    any: names.length ? new RegExp(boundedName(`(?:${names.map(({ name }) => escape(name)).join('|')})`), 'iu') : undefined,
  };
});

/** `findActors` with the names of the context, remembered for the texts one article reads again and again. */
function actorsIn(text: string, context: Context): Named[] {
  const cache = context.namedIn;
  if (!cache) return findActors(text, context.names);
  let found = cache.get(text);
  if (!found) {
    found = findActors(text, context.names);
    cache.set(text, found);
  }
  return found;
}

/** Actor names and aliases found in a text, longest first, never overlapping. */
function findActors(text: string, names: CompiledNames): Named[] {
  const found: Named[] = [];
  if (!text || !names.any?.test(text)) return found;
  for (const { actor, pattern } of names.each) {
    // `exec` on the shared pattern rather than `matchAll`, which copies it for every name and text; no name matches the empty string.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const { index } = match;
      const end = index + match[0].length;
      if (found.some((f) => index < f.index + f.text.length && f.index < end)) continue;
      found.push({ actor, text: match[0], index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The trailing run of capitalised words of a phrase ("security researcher Jane Roe" → "Jane Roe"). */
function nameRun(phrase: string): string | undefined {
  const words = phrase.split(' ').map(possessiveless);
  const run: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] ?? '';
    if (/^[\p{Lu}\p{N}]/u.test(word) || /^\p{Ll}+\/\p{Lu}/u.test(word)) run.unshift(word);
    else if (run.length && NAME_CONNECTORS.has(word) && /^\p{Lu}/u.test(words[i - 1] ?? '')) run.unshift(word);
    else break;
  }
  while (run.length && /^(?:The|A|An)$/u.test(run[0] ?? '')) run.shift();
  return run.length ? run.join(' ') : undefined;
}

/** Two to four capitalised words, none an acronym: the shape of a person's name. */
const looksLikePerson = (name: string) => /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,3}$/u.test(name);

/** "Jane Roe" when "Jane Roe" is a person listed among an actor's aliases, the actor's name otherwise. */
function speakerFor(named: Named): Party {
  const sharesWords = named.text.split(/\s+/u).some((word) => named.actor.name.toLowerCase().split(/\s+/u).includes(word.toLowerCase()));
  const person = looksLikePerson(named.text) && !sharesWords && named.text !== named.actor.name;
  return { speaker: person ? named.text : named.actor.name, actor: named.actor.id };
}

const isOutlet = (phrase: string, outlet: string) => {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return key(phrase) !== '' && key(phrase) === key(outlet);
};

type Resolution = Party | 'outlet' | undefined;

interface Scope {
  context: Context;
  /** The masked sentence before the subject: actors named there count as named nearby. */
  prefix: string;
}

/** The party a subject phrase stands for. */
function resolveParty(rawPhrase: string, apposition: string | undefined, scope: Scope): Resolution {
  const { outlet } = scope.context;
  const phrase = clean(rawPhrase).replace(/(?<=\p{Lu}[\p{L}\p{N}]*)\s+(?:report|reports|statement|findings|analysis)$/u, '');
  if (!phrase) return undefined;
  if (isOutlet(phrase, outlet) || isOutlet(phrase.replace(/^the\s+/iu, ''), outlet)) return 'outlet';

  const behalfOf = ROLE_FOR.exec(phrase);
  if (behalfOf?.[1]) {
    const behalf = actorsIn(behalfOf[1], scope.context)[0];
    if (behalf) return { speaker: behalf.actor.name, actor: behalf.actor.id };
    return nearbyParty(scope);
  }

  const named = actorsIn(phrase, scope.context);
  const run = nameRun(phrase);
  const last = named[named.length - 1];
  if (last) {
    const party = speakerFor(last);
    if (run && looksLikePerson(run) && !last.text.includes(run) && !run.includes(last.text)) return { speaker: run, actor: party.actor ?? last.actor.id };
    return party;
  }
  if (run && !/^(?:It|He|She|They|We|I|This|That)$/u.test(run)) {
    if (isOutlet(run, outlet)) return 'outlet';
    const role = apposition ? actorsIn(apposition, scope.context)[0] : undefined;
    return role ? { speaker: run, actor: role.actor.id } : { speaker: run };
  }
  const head = (phrase.split(' ').pop() ?? '').toLowerCase();
  if (PARTY_HEADS.has(head)) return nearbyParty(scope);
  if (PERSON_HEADS.has(head)) return { speaker: phrase.replace(/^(The|A|An)\b/u, (article) => article.toLowerCase()) };
  return undefined;
}

/** The speaker of the previous sentence, else the one actor named nearby, else nobody. */
function nearbyParty(scope: Scope): Party | undefined {
  const { context } = scope;
  const previous = previousParty(context);
  if (previous) return previous;
  const near = new Set([...actorsIn(scope.prefix, context), ...actorsIn(context.previous ?? '', context)].map((n) => n.actor.id));
  const pool = near.size ? near : new Set((context.earlier ?? []).flatMap((s) => actorsIn(s, context)).map((n) => n.actor.id));
  if (pool.size !== 1) return undefined;
  const actor = context.actors.find((a) => pool.has(a.id));
  return actor ? { speaker: actor.name, actor: actor.id } : undefined;
}

function previousParty(context: Context): Party | undefined {
  if (!context.previous) return undefined;
  const earlier = context.earlier ?? [];
  // The previous sentence is the paragraph's sentence number `earlier.length`, read in the same context wherever it is asked for.
  let result = context.previousReadings?.get(earlier.length);
  if (!result) {
    const before = earlier[earlier.length - 1];
    result = attribute(context.previous, {
      actors: context.actors,
      names: context.names,
      outlet: context.outlet,
      ...(before !== undefined ? { previous: before } : {}),
      earlier: earlier.slice(0, -1),
      ...(context.previousReadings ? { previousReadings: context.previousReadings } : {}),
      ...(context.namedIn ? { namedIn: context.namedIn } : {}),
    });
    context.previousReadings?.set(earlier.length, result);
  }
  return result.speaker ? { speaker: result.speaker, ...(result.actor ? { actor: result.actor } : {}) } : undefined;
}

interface Candidate {
  index: number;
  resolution: Resolution;
  framing: boolean;
}

const LETTER_OR_APOSTROPHE = /^[\p{L}’']$/u;
const NON_SPACE_RUN = /\S+/gu;

/**
 * The run of letters and apostrophes that ends a text ("" when it ends otherwise): what
 * `/([\p{L}’']+)$/u` captures, read from the end rather than tried at every offset of the text.
 */
function trailingWord(text: string): string {
  let start = text.length;
  while (start > 0) {
    // A code point, as under flag `u`: a letter outside the BMP is a surrogate pair.
    const low = text.charCodeAt(start - 1);
    const pair = low >= 0xdc00 && low <= 0xdfff && start >= 2 && text.charCodeAt(start - 2) >= 0xd800 && text.charCodeAt(start - 2) <= 0xdbff;
    const width = pair ? 2 : 1;
    if (!LETTER_OR_APOSTROPHE.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return text.slice(start);
}

/** Subject + speech verb ("Jane Roe, the city's water commissioner, told …") and speech verb + subject ("…,” said Jane Roe). */
function verbCandidates(masked: string, context: Context): Candidate[] {
  const out: Candidate[] = [];
  for (const match of matchesOf(masked, VERB)) {
    let before = masked.slice(0, match.index).trimEnd();
    const previousWord = trailingWord(before).toLowerCase();
    if (NOT_BEFORE_VERB.has(previousWord)) continue;

    // "…,” said Jane Roe, the commissioner." — the verb right after a quotation, its subject after it.
    if (/«Q»[\s,]*$/u.test(before)) {
      const after = /^\s+((?:the\s+|a\s+|an\s+)?[\p{L}\p{N}’'.&/-]+(?:\s+[\p{L}\p{N}’'.&/-]+){0,5}?)\s*(?:[,.;:]|$)/u.exec(masked.slice(match.index + match[0].length));
      if (after?.[1] && !/^(?:that|it|he|she|they|in|on|to|of)\b/iu.test(after[1])) {
        out.push({ index: match.index, resolution: resolveParty(after[1], undefined, { context, prefix: before }), framing: false });
        continue;
      }
    }

    for (;;) {
      const stripped = before.replace(BETWEEN_PHRASE, '').trimEnd();
      const word = /(?:^|\s)([\p{L}]+)$/u.exec(stripped);
      if (stripped !== before) before = stripped;
      else if (word?.[1] && BETWEEN.has(word[1].toLowerCase())) before = stripped.slice(0, word.index).trimEnd();
      else break;
    }
    // "Jane Roe, the city's water commissioner, told": the apposition between commas names her role.
    let apposition: string | undefined;
    const appositive = /,\s*([^,«»]+?)\s*,$/u.exec(before);
    if (appositive) {
      apposition = appositive[1];
      before = before.slice(0, appositive.index).trimEnd();
    } else before = before.replace(/,$/u, '').trimEnd();

    const clauseStart = Math.max(...[...',;:()«»—–'].map((mark) => before.lastIndexOf(mark))) + 1;
    const words = matchesOf(before.slice(clauseStart), NON_SPACE_RUN);
    let first = words.length;
    while (first > 0 && !SUBJECT_BOUNDARY.has((words[first - 1]?.[0] ?? '').toLowerCase())) first--;
    const subject = words.slice(first);
    if (!subject.length || subject.length > 8) continue;
    const phrase = subject.map((w) => w[0]).join(' ');
    const subjectAt = clauseStart + (subject[0]?.index ?? 0);
    const prefix = masked.slice(0, subjectAt);
    const lower = phrase.toLowerCase();
    if (NOBODY_IN_PARTICULAR.has(lower) || lower === 'no one') continue;
    if (FIRST_PERSON.has(lower)) {
      out.push({ index: match.index, resolution: 'outlet', framing: false });
      continue;
    }
    // "His statement said …" speaks for him, as "He said …" would.
    if (PRONOUNS.has(lower) || POSSESSIVE_CHANNEL.test(phrase)) {
      // Only a pronoun opening the sentence refers back to the last speaker; "… and it confirmed" may not.
      const opening = /^\s*(?:«Q»[\s,]*|(?:[\p{L}’']+\s+){0,3}[\p{L}’']+,\s*)?$/u.test(prefix);
      out.push({ index: match.index, resolution: opening ? previousParty(context) : undefined, framing: false });
      continue;
    }
    out.push({ index: match.index, resolution: resolveParty(phrase, apposition, { context, prefix }), framing: false });
  }
  return out;
}

/** "according to X", "as per X". */
function framingCandidates(masked: string, context: Context): Candidate[] {
  const out: Candidate[] = [];
  for (const match of FRAMING_WORD.test(masked) ? matchesOf(masked, FRAMING) : []) {
    const phrase = (match[1] ?? '').replace(FRAMING_CUT, '');
    if (/^(?:some|unconfirmed|reports?|sources?|data|figures|estimates)\b/iu.test(phrase)) continue;
    out.push({ index: match.index, resolution: resolveParty(phrase, undefined, { context, prefix: masked.slice(0, match.index) }), framing: true });
  }
  return out;
}

function choose(masked: string, context: Context): Resolution | null {
  const candidates = [...framingCandidates(masked, context), ...verbCandidates(masked, context)].sort((a, b) => a.index - b.index);
  const opening = candidates.find((c) => c.framing && c.resolution !== undefined && /^\s*$/u.test(masked.slice(0, c.index)));
  if (opening) return opening.resolution;
  const first = candidates.find((c) => c.resolution !== undefined);
  return first ? first.resolution : null;
}

/**
 * Who a sentence attributes its statement to. Recognises "X said", "said X", "X says", "according
 * to X", "as per X", "X told Y", "X, told the news agency Y", "X said in a statement / in an email
 * to Y", "X confirmed/added/noted/insisted/denied/claimed", "X reported", and a quotation whose
 * attribution sits in the next or previous sentence of the paragraph. Descriptors resolve through
 * the actors' aliases ("the Finnish company"), or to the speaker of the previous sentence or the one
 * actor named nearby ("the company", "a spokesperson for …", "It added"). A name with an apposition
 * gives the name ("Jane Roe, the city's water commissioner, told …" → "Jane Roe"). An unattributed
 * sentence, or one the outlet attributes to itself, has no speaker.
 */
export function attributeSpeaker(sentence: string, context: AttributeSpeakerContext): Attribution {
  return attribute(sentence, { ...context, names: compileNames(context.actors) });
}

function attribute(sentence: string, context: Context): Attribution {
  const spans = quotationSpans(sentence);
  const quoted = spans.some((span) => countWords(span.inner) >= 3);
  const masked = mask(sentence, spans);
  const chosen = choose(masked, context);
  const result = (party: Resolution | null): Attribution =>
    party && party !== 'outlet' ? { speaker: party.speaker, ...(party.actor ? { actor: party.actor } : {}), quoted } : { quoted };
  if (chosen !== null) return result(chosen);

  const bare = masked.replace(/«Q»/gu, ' ');
  if (!quoted || countWords(bare) > 2) return { quoted };
  // A quotation standing alone: attributed by a short sentence after it ("Jane Roe said."), unless
  // the sentence before introduces it ("… in a statement:"), else by the speaker before it.
  const introduced = /:\s*$/u.test(context.previous ?? '');
  if (context.next && !introduced) {
    const nextMasked = mask(context.next);
    if (countWords(nextMasked.replace(/«Q»/gu, ' ')) <= 10) {
      const fromNext = choose(nextMasked, {
        actors: context.actors,
        names: context.names,
        outlet: context.outlet,
        ...(context.previous !== undefined ? { previous: context.previous } : {}),
        ...(context.earlier ? { earlier: context.earlier } : {}),
        ...(context.previousReadings ? { previousReadings: context.previousReadings } : {}),
        ...(context.namedIn ? { namedIn: context.namedIn } : {}),
      });
      if (fromNext) return result(fromNext);
    }
  }
  return result(previousParty(context) ?? null);
}

/**
 * The attribution of every sentence of an article, by sentence id, each read in the context of its
 * paragraph. A sentence of a block quotation with no attribution of its own takes the speaker of the
 * sentence that introduces the quotation.
 */
export function attributeSentences(article: ArticleAnalysis, actors: readonly Actor[]): Map<string, Attribution> {
  const names = compileNames(actors);
  const namedIn = new Map<string, Named[]>();
  const out = new Map<string, Attribution>();
  let lastOfPrevious: Attribution | undefined;
  let block: Sentence[] = [];
  const flush = () => {
    const texts = block.map((s) => s.text);
    const previousReadings = new Map<number, Attribution>();
    block.forEach((sentence, i) => {
      const previous = texts[i - 1];
      const next = texts[i + 1];
      let attribution = attribute(sentence.text, {
        actors,
        names,
        outlet: article.outlet,
        ...(previous !== undefined ? { previous } : {}),
        ...(next !== undefined ? { next } : {}),
        earlier: texts.slice(0, Math.max(0, i - 1)),
        previousReadings,
        namedIn,
      });
      if (!attribution.speaker && sentence.blockType === 'blockquote' && lastOfPrevious?.speaker) {
        attribution = { ...attribution, speaker: lastOfPrevious.speaker, ...(lastOfPrevious.actor ? { actor: lastOfPrevious.actor } : {}) };
      }
      out.set(sentence.id, attribution);
    });
    const last = block[block.length - 1];
    if (last && last.blockType !== 'blockquote') lastOfPrevious = out.get(last.id);
    block = [];
  };
  for (const sentence of article.sentences) {
    if (block.length && block[0]?.block !== sentence.block) flush();
    block.push(sentence);
  }
  flush();
  return out;
}
