import { attributeSentences, quotationSpans, type Attribution } from './attribute-speaker.ts';
import { perDefinition } from './per-definition.ts';
import type { Actor, ArticleAnalysis, Citation } from './types.ts';
import { matchesOf } from './matches-of.ts';

export interface ExtractCitationsOptions {
  /** Actors of incident.yaml (default none): a cited party that is an actor gets the actor's id as key, and "in its statement" names its issuer. */
  actors?: readonly Actor[];
  /** The article's `attributeSentences`, when the caller has them already (default: computed). */
  speakers?: ReadonlyMap<string, Attribution>;
}

/** "news agency", "Norwegian public broadcaster", "security researcher": words that introduce a name. */
const LEAD =
  '(?:(?:the|a|an)\\s+)?(?:(?:\\p{Lu}\\p{Ll}+(?:[’\']s)?\\s+)?(?:(?:public|state|state-owned|national|local|news|wire|daily|security|tech|technology|business|financial|independent)\\s+)*' +
  '(?:agency|website|site|broadcaster|newspaper|daily|outlet|service|publication|magazine|blog|channel|network|station|tabloid|paper|researcher|analyst|reporter|journalist|firm)\\s+)?';
const RUN = '(?:\\p{Lu}[\\p{L}\\p{N}&’\'.-]*|\\p{Ll}+\\/\\p{Lu}[\\p{L}\\p{N}]*)(?:\\s+(?:(?:of|de)\\s+)?(?:\\p{Lu}[\\p{L}\\p{N}&’\'.-]*|\\p{N}+(?![\\p{L}])))*';
/** A named party, with what introduces it: group 1 is the whole phrase, group 2 the name. */
const NAME = `(${LEAD}(${RUN}))`;
// No `i` flag on the patterns below: with it, \p{Lu} would match lowercase letters too.
const NOT_NAMES = new Set(['it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'the', 'a', 'an', 'there', 'here', 'what', 'which', 'who', 'its', 'his', 'her', 'their', 'our']);

/**
 * A party named after a trigger: group 1 is the trigger, the party is read from what follows.
 * `needs` is found in every match of `regex`, under the same flags (so the same case folding): a
 * sentence without it is spared the search. Most sentences cite nobody.
 */
const AFTER_TRIGGER: Array<{ kind: string; regex: RegExp; needs: RegExp }> = [
  { kind: 'via', regex: /\(\s*(via)\s+(?=[^()]+\))/gu, needs: /via/u },
  { kind: 'via', regex: /\b(via)\s+(?=[^,;:()]+[.\s]*$)/gu, needs: /via/u },
  { kind: 'according-to', regex: /\b([Aa]ccording\s+to|[Aa]s\s+per)\s+/gu, needs: /ccording|per/u },
  { kind: 'email', regex: /\b([Ii]n\s+an?\s+e-?mail(?:ed)?\s+(?:statement\s+)?to)\s+/gu, needs: /mail/u },
  { kind: 'statement', regex: /\b((?:[Aa]n?|[Ii]ts|[Tt]he|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\p{L}-]+\s+)?statement\s+(?:sent\s+|given\s+)?to)\s+/gu, needs: /statement/u },
  { kind: 'told', regex: /\b(told|tells|telling|[Ss]peaking\s+to|spoke\s+to|[Tt]alking\s+to|in\s+an\s+interview\s+with)\s+/gu, needs: /told|tell|peaking|spoke|alking|interview/u },
];
/** A party named before a verb of reporting: group 1 is the whole phrase, group 2 the name. */
const BEFORE_VERB: RegExp[] = [
  new RegExp(`${NAME}(?:[’']s)?\\s+(?:(?:has|had|also|then|later|first|previously|originally)\\s+)*(?:reported|reports|reporting|report\\s+(?:claims|says|said|found|shows|showed|mentioned|stated))\\b`, 'gu'),
  new RegExp(`${NAME}\\s+in\\s+(?:its|their|a)\\s+report\\b`, 'gu'),
  new RegExp(`${NAME}[’']s\\s+(?:own\\s+)?(?:report|reporting|findings|analysis|investigation)\\b`, 'gu'),
];
const LEADING_NAME = new RegExp(`^${NAME}`, 'u');
/** A word each pattern of BEFORE_VERB needs (they are case-sensitive too). */
const REPORT_WORD = /report|findings|analysis|investigation/u;
/** Words that end the name of a cited party: "told Reuters they're looking …", "to Tech Weekly after …". */
const STOP_WORDS = new Set(
  `which who whom that on in at after before when earlier last this yesterday today they it he she we about from and but while over
  for`.split(/\s+/u),
);
/** Words that may follow a name; any other lower-case word means the capitalised word was an adjective ("the Finnish company"). */
const AFTER_NAME = new Set(
  `report reports reported reporting said says say told tells is was has had have were are will would could should may might its own
  there then also the a an his her`.split(/\s+/u),
);

/** The party named at the start of a text, and the length of the text naming it. */
function leadingName(text: string): { name: string; length: number } | undefined {
  const named = LEADING_NAME.exec(text);
  const name = cleanName(named?.[2] ?? '');
  if (!named || !name || NOT_NAMES.has(name.toLowerCase())) return undefined;
  const following = /^\s+(\p{Ll}+)/u.exec(text.slice(named[0].length))?.[1];
  if (following && !AFTER_NAME.has(following) && !STOP_WORDS.has(following)) return undefined;
  return { name, length: named[0].length };
}

/** The words after a trigger up to punctuation or a stop word, at most seven. */
function phraseAfter(rest: string): string {
  const words: string[] = [];
  for (const word of (/^[^,.;:()]*/u.exec(rest)?.[0] ?? '').split(/\s+/u).filter(Boolean)) {
    if (STOP_WORDS.has(word.toLowerCase().replace(/[’'].*$/u, '')) || words.length === 7) break;
    words.push(word);
  }
  return words.join(' ');
}

/** A statement by the party speaking in the sentence: "in a statement", "issued an official statement". */
const OWN_STATEMENT = /\b(?:in\s+(?:a|an|its|their|his|her|the)\s+(?:[\p{L}-]+\s+)?statement|(?:issued|released|published|put\s+out|responded\s+with)\s+(?:an?|its|the|their)\s+(?:[\p{L}-]+\s+)?statement)\b/giu;
/** Found in every match of OWN_STATEMENT, under its case folding (flags `iu`). */
const STATEMENT_WORD = /statement/iu;

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .replace(/[’']s$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
const cleanName = (name: string) => name.replace(/[.’']+$/u, '').replace(/[’']s$/u, '').trim();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+');

/** An actor's name or alias as a pattern, in the order of incident.yaml. */
interface ActorName {
  actor: Actor;
  length: number;
  pattern: RegExp;
}

/** The patterns of every name and alias, compiled once per incident rather than once per phrase. */
const actorNames = perDefinition((actors: readonly Actor[]): ActorName[] =>
  actors.flatMap((actor) =>
    [actor.name, ...actor.aliases]
      .filter((name) => name.trim())
      .map((name) => ({ actor, length: name.length, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(name.trim())}(?![\\p{L}\\p{N}])`, 'iu') })),
  ),
);

/** The actor a phrase names, if any: the longest of its names or aliases found in the phrase. */
function actorIn(phrase: string, names: readonly ActorName[]): Actor | undefined {
  let best: { actor: Actor; length: number } | undefined;
  for (const { actor, length, pattern } of names) {
    if (best && best.length >= length) continue;
    if (pattern.test(phrase)) best = { actor, length };
  }
  return best?.actor;
}

/** A text with its quotations blanked out (offsets kept): a source quoted as saying "according to our data" cites nothing. */
function unquoted(text: string): string {
  let out = text;
  for (const span of quotationSpans(text)) out = out.slice(0, span.start) + ' '.repeat(span.end - span.start) + out.slice(span.end);
  return out;
}

/**
 * The primary sources an article says it relies on: "(via Reuters)", "according to DR",
 * "as per X", "told the news agency ANP", "speaking to X", "in an email to Reuters", "a statement to
 * <outlet>", "in a statement", "X reported", "X's report". The key normalises the cited party
 * ("news agency ANP" → "anp", "Danish public broadcaster DR report" → "dr"), or is the actor's id
 * when the party is an actor; a statement with no addressee is keyed by its issuer. The outlet is
 * never its own primary source: a statement made to it ("issued a statement to <outlet>") is keyed
 * by whoever issued it, or by the outlet when the sentence does not say.
 */
export function extractCitations(article: ArticleAnalysis, options: ExtractCitationsOptions = {}): Citation[] {
  const actors = options.actors ?? [];
  const names = actorNames(actors);
  const outletKey = slug(article.outlet);
  const speakers = options.speakers ?? attributeSentences(article, actors);
  const out: Citation[] = [];

  for (const sentence of article.sentences) {
    if (/^h[1-6]$/u.test(sentence.blockType)) continue;
    const text = unquoted(sentence.text);
    const found: Array<{ kind: string; cites: string; key: string; at: number; end: number }> = [];
    const add = (kind: string, cites: string, key: string, at: number, end: number) => {
      if (key === outletKey) {
        // Reporting "according to" itself is no source; a statement made to it is one, and the
        // primary source is whoever made it, when the sentence says so.
        if (!['statement', 'email', 'told'].includes(kind)) return;
        const issuer = speakers.get(sentence.id);
        const issuerKey = issuer?.actor ?? (issuer?.speaker ? slug(issuer.speaker) : undefined);
        const byIssuer = issuerKey && issuerKey !== outletKey;
        found.push({ kind: 'statement', cites: byIssuer ? `${issuer?.speaker ?? issuerKey} (to ${cites})` : cites, key: byIssuer ? issuerKey : key, at, end });
      } else found.push({ kind, cites, key, at, end });
    };
    for (const { kind, regex, needs } of AFTER_TRIGGER) {
      if (!needs.test(text)) continue;
      for (const match of matchesOf(text, regex)) {
        const from = match.index + match[0].length;
        const rest = text.slice(from);
        const phrase = phraseAfter(rest);
        const actor = phrase ? actorIn(phrase, names) : undefined;
        const named = leadingName(rest);
        if (actor) add(kind, named && phrase.includes(named.name) ? named.name : phrase, actor.id, match.index, from + phrase.length);
        else if (named) add(kind, named.name, slug(named.name), match.index, from + named.length);
      }
    }
    // Each pattern ends on one of these words; the name before it is costly to look for everywhere.
    for (const regex of REPORT_WORD.test(text) ? BEFORE_VERB : []) {
      for (const match of matchesOf(text, regex)) {
        const name = cleanName(match[2] ?? '');
        if (!name || NOT_NAMES.has(name.toLowerCase())) continue;
        const actor = actorIn(match[1] ?? '', names);
        add('report', name, actor ? actor.id : slug(name), match.index, match.index + match[0].length);
      }
    }
    for (const match of STATEMENT_WORD.test(text) ? matchesOf(text, OWN_STATEMENT) : []) {
      if (found.some((f) => f.kind === 'statement' && f.at <= match.index + match[0].length && match.index <= f.end)) continue;
      const issuer = speakers.get(sentence.id);
      const key = issuer?.actor ?? (issuer?.speaker ? slug(issuer.speaker) : 'statement');
      found.push({ kind: 'statement', cites: match[0].replace(/^in\s+/iu, '').replace(/^(?:issued|released|published|put\s+out|responded\s+with)\s+/iu, ''), key, at: match.index, end: match.index + match[0].length });
    }
    const seen = new Set<string>();
    for (const f of found.sort((a, b) => a.at - b.at)) {
      if (seen.has(`${f.kind}\u0000${f.key}`)) continue;
      seen.add(`${f.kind}\u0000${f.key}`);
      out.push({ source: article.source, cites: f.cites, key: f.key, kind: f.kind, anchor: sentence.id, text: sentence.text });
    }
  }
  return out;
}
