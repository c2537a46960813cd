import type { IncidentJson } from '../pipeline/build-incident.ts';

/**
 * The topics each timeline entry touches: the topics of the claims made in the very sentences that
 * report it. Most-claimed topic first, ties in incident.yaml order. An entry whose sentences make
 * no claim has no topic: nothing else links a happening to a question honestly.
 */
export function eventTopics(incident: Pick<IncidentJson, 'events' | 'claims' | 'incident'>): ReadonlyMap<string, string[]> {
  // Every page of the timeline asks: computed once per incident.
  const known = computed.get(incident);
  if (known) return known;
  const result = topicsOfEvents(incident);
  computed.set(incident, result);
  return result;
}

const computed = new WeakMap<object, ReadonlyMap<string, string[]>>();

function topicsOfEvents(incident: Pick<IncidentJson, 'events' | 'claims' | 'incident'>): Map<string, string[]> {
  const bySentence = new Map<string, Set<string>>();
  for (const claim of incident.claims) {
    const key = `${claim.source}#${claim.anchor}`;
    let topics = bySentence.get(key);
    if (!topics) bySentence.set(key, (topics = new Set()));
    topics.add(claim.topic);
  }
  const order = new Map(incident.incident.topics.map((topic, index) => [topic.id, index]));
  const result = new Map<string, string[]>();
  for (const event of incident.events) {
    const counts = new Map<string, number>();
    for (const mention of event.mentions) {
      for (const topic of bySentence.get(`${mention.source}#${mention.anchor}`) ?? []) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
    const rank = (topic: string) => order.get(topic) ?? Number.MAX_SAFE_INTEGER;
    result.set(
      event.id,
      [...counts].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0])).map(([topic]) => topic),
    );
  }
  return result;
}
