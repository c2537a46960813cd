import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { timelineMemo } from '../../src/lib/timeline-memo.ts';
import { extractArticle, mergeIncident, type ArticleExtraction, type TimelineMemo } from '../../src/pipeline/build-incident.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { readContent } from '../../src/pipeline/read-content.ts';

const content = readContent('content');
const articles = content.articles.map(processArticle).map((article) => ({
  article: { source: article.source, frontmatter: article.frontmatter, sentences: article.sentences.length },
  extraction: extractArticle(content.incident, article),
}));
const fresh = mergeIncident(content.incident, articles);

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'timeline-memo-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A memo that counts the merges it could not spare. */
function counted(file: string, pipeline = 'pipeline-a'): { memo: TimelineMemo; merges: () => number } {
  const memo = timelineMemo(file, pipeline);
  let merges = 0;
  return {
    memo: (input, merge) =>
      memo(input, () => {
        merges++;
        return merge();
      }),
    merges: () => merges,
  };
}

/** The articles with one report's text changed. */
function withChangedReport(): typeof articles {
  const at = articles.findIndex(({ extraction }) => extraction.mentions.length > 0);
  return articles.map((entry, i) => {
    if (i !== at) return entry;
    const [first, ...rest] = entry.extraction.mentions;
    const extraction: ArticleExtraction = { ...entry.extraction, mentions: [{ ...first!, text: `${first!.text} Later corrected.` }, ...rest] };
    return { ...entry, extraction };
  });
}

describe('the kept timeline', () => {
  test('gives, merged or kept, the very incident a merge without it gives', () => {
    const { memo, merges } = counted(path.join(dir, 'timeline.json'));
    expect(mergeIncident(content.incident, articles, { timeline: memo })).toStrictEqual(fresh);
    expect(merges()).toBe(1);
    // The second time the timeline comes from the file: equal to the last detail, undefined fields included.
    expect(mergeIncident(content.incident, [...articles].reverse(), { timeline: memo })).toStrictEqual(fresh);
    expect(merges()).toBe(1);
  });

  test('merges again when a report, the actors or the pipeline changed', () => {
    const file = path.join(dir, 'timeline.json');
    const { memo, merges } = counted(file);
    mergeIncident(content.incident, articles, { timeline: memo });
    const changed = withChangedReport();
    const merged = mergeIncident(content.incident, changed, { timeline: memo });
    expect(merges()).toBe(2);
    expect(merged).toStrictEqual(mergeIncident(content.incident, changed));
    expect(merged.events.flatMap((event) => event.mentions).some((mention) => mention.text.endsWith('Later corrected.'))).toBe(true);

    const [actor, ...others] = content.incident.actors;
    mergeIncident({ ...content.incident, actors: [...others, { ...actor!, aliases: [...actor!.aliases, 'the maker'] }] }, changed, { timeline: memo });
    expect(merges()).toBe(3);

    const other = counted(file, 'pipeline-b');
    mergeIncident({ ...content.incident, actors: [...others, { ...actor!, aliases: [...actor!.aliases, 'the maker'] }] }, changed, { timeline: other.memo });
    expect(other.merges()).toBe(1);
  });

  test('merges when the kept file is damaged, and keeps a good one again', () => {
    const file = path.join(dir, 'timeline.json');
    writeFileSync(file, '{"key": "x", "events": [');
    const { memo, merges } = counted(file);
    expect(mergeIncident(content.incident, articles, { timeline: memo })).toStrictEqual(fresh);
    expect(merges()).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ events: fresh.events });
  });

  test('costs only the merge when the file cannot be written', () => {
    const { memo, merges } = counted(path.join(dir, 'missing-folder', 'timeline.json'));
    expect(mergeIncident(content.incident, articles, { timeline: memo })).toStrictEqual(fresh);
    expect(mergeIncident(content.incident, articles, { timeline: memo })).toStrictEqual(fresh);
    expect(merges()).toBe(2);
  });
});
