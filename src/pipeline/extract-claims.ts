import { attributeSentences, type Attribution } from './attribute-speaker.ts';
import { compileCues, detectStance, findCues, stemPositions, wordTokens, type CueMatch, type CuePhrase, type WordToken } from './detect-stance.ts';
import { perDefinition } from './per-definition.ts';
import type { ArticleAnalysis, Claim, DatedSentence, IncidentDefinition, Topic } from './types.ts';

export interface ExtractClaimsOptions {
  /**
   * Let a sentence without a cue of its own take a topic that both its section heading and a
   * neighbouring sentence of its paragraph carry (default true).
   */
  context?: boolean;
  /** The article's `attributeSentences`, when the caller has them already (default: computed). */
  speakers?: ReadonlyMap<string, Attribution>;
  /** Each word's stems, remembered across the calls that share this map (default: remembered for this call only). */
  stems?: Map<string, readonly string[]>;
}

const HEADING = /^h([1-6])$/u;
const isQuestion = (text: string) => /\?[”"’'»)\]]*$/u.test(text.trim());

/** A topic with its cues compiled. */
interface CompiledTopic {
  topic: Topic;
  cues: CuePhrase[];
}

/**
 * The topics whose cues occur in a sentence's tokens. Where cues of two topics overlap, the longer
 * one wins: "personally identifiable information" is about personal data, not about being "identified".
 */
function topicsIn(tokens: readonly WordToken[], topics: readonly CompiledTopic[]): Set<string> {
  const positions = stemPositions(tokens);
  // A cue matches only where its first stem occurs: a topic none of whose cues starts with a stem of
  // the sentence has no match in it, and findCues would only look its cues up one by one.
  const starts = cueStarts(topics);
  let candidates: Set<CompiledTopic> | undefined;
  for (const stem of positions.keys()) {
    for (const compiled of starts.get(stem) ?? []) (candidates ??= new Set()).add(compiled);
  }
  if (!candidates) return new Set();
  const found = topics.map((compiled) => ({ topic: compiled.topic, matches: candidates.has(compiled) ? findCues(tokens, compiled.cues, positions) : [] }));
  const longer = (a: CueMatch, b: CueMatch) => b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
  const out = new Set<string>();
  for (const { topic, matches } of found) {
    const kept = matches.filter((match) => !found.some((other) => other.topic !== topic && other.matches.some((m) => longer(match, m))));
    if (kept.length) out.add(topic.id);
  }
  return out;
}

/** The topics with their cues' stems, once per incident. */
const compileTopics = perDefinition((topics: readonly Topic[]): CompiledTopic[] => topics.map((topic) => ({ topic, cues: compileCues(topic.cues) })));

/** The topics by the first stem of each of their cues, once per incident. */
const cueStarts = perDefinition((topics: readonly CompiledTopic[]): Map<string, CompiledTopic[]> => {
  const starts = new Map<string, CompiledTopic[]>();
  for (const compiled of topics) {
    for (const { stems } of compiled.cues) {
      const first = stems[0] ?? '';
      const at = starts.get(first);
      if (!at) starts.set(first, [compiled]);
      else if (!at.includes(compiled)) at.push(compiled);
    }
  }
  return starts;
});

/** The ids of the topics whose cues occur in a sentence (the longer of two overlapping cues wins). */
export function sentenceTopics(text: string, topics: readonly Topic[]): Set<string> {
  return topicsIn(wordTokens(text), compileTopics(topics));
}

/** Sentences grouped by block, in document order. */
function blocksOf(sentences: readonly DatedSentence[]): DatedSentence[][] {
  const blocks: DatedSentence[][] = [];
  let current: DatedSentence[] | undefined;
  for (const sentence of sentences) {
    if (!current || current[0]?.block !== sentence.block) {
      current = [];
      blocks.push(current);
    }
    current.push(sentence);
  }
  return blocks;
}

/**
 * What one article says on each topic of the incident: one claim per sentence and topic, with the
 * sentence's speaker and its stance on yes-or-no questions. Topics come from cue matches on stems;
 * headings are not claims and questions are not claims. Where the article says nothing on a topic,
 * no claim is made up: context only ever adds a topic to a sentence whose heading and neighbour
 * both carry it.
 */
export function extractClaims(article: ArticleAnalysis, incident: IncidentDefinition, options: ExtractClaimsOptions = {}): Claim[] {
  const useContext = options.context ?? true;
  const stems = options.stems ?? new Map<string, readonly string[]>();
  const topics = compileTopics(incident.topics);
  const tokens = new Map(article.sentences.map((s) => [s.id, wordTokens(s.text, stems)]));
  const own = new Map(article.sentences.map((s) => [s.id, topicsIn(tokens.get(s.id) ?? [], topics)]));
  const speakers = options.speakers ?? attributeSentences(article, incident.actors);
  const claims: Claim[] = [];
  const headings: Array<{ level: number; topics: Set<string> }> = [];

  for (const block of blocksOf(article.sentences)) {
    const level = HEADING.exec(block[0]?.blockType ?? '')?.[1];
    if (level !== undefined) {
      while (headings.length && (headings[headings.length - 1]?.level ?? 0) >= Number(level)) headings.pop();
      headings.push({ level: Number(level), topics: new Set(block.flatMap((s) => [...(own.get(s.id) ?? [])])) });
      continue;
    }
    const section = headings[headings.length - 1]?.topics ?? new Set<string>();
    block.forEach((sentence, i) => {
      if (isQuestion(sentence.text)) return;
      let ids = own.get(sentence.id) ?? new Set<string>();
      if (!ids.size && useContext && section.size) {
        const around = [block[i - 1], block[i + 1]].flatMap((s) => (s && !isQuestion(s.text) ? [...(own.get(s.id) ?? [])] : []));
        ids = new Set(around.filter((id) => section.has(id)));
      }
      if (!ids.size) return;
      const attribution = speakers.get(sentence.id);
      for (const { topic, cues } of topics) {
        if (!ids.has(topic.id)) continue;
        const stance = detectStance(sentence.text, topic, { tokens: tokens.get(sentence.id) ?? [], cues });
        claims.push({
          topic: topic.id,
          source: article.source,
          text: sentence.text,
          anchor: sentence.id,
          ...(attribution?.speaker ? { speaker: attribution.speaker } : {}),
          ...(attribution?.actor ? { actor: attribution.actor } : {}),
          ...(stance ? { stance } : {}),
        });
      }
    });
  }
  return claims;
}
