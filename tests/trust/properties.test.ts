/**
 * Properties of the whole per-article pipeline and the merge, over generated articles. The
 * function-level properties (segmentSentences, resolveDates, mergeEvents) live beside their unit
 * tests; these check that the promises survive the trip through Markdown, sanitizing, anchoring,
 * frontmatter dates and buildIncident.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildIncident } from '../../src/pipeline/build-incident.ts';
import type { ContentProblem } from '../../src/pipeline/content-error.ts';
import { processArticle, type ProcessedArticle } from '../../src/pipeline/process-article.ts';
import { parseArticleFile } from '../../src/pipeline/read-content.ts';
import type { IncidentFile } from '../../src/pipeline/schema.ts';
import type { Precision, ReferenceDate } from '../../src/pipeline/types.ts';
import { brokenPromises, runArticle, unclearRejection } from './check-article.ts';
import { articleText } from './corpus.ts';

const PRECISIONS: Precision[] = ['year', 'month', 'day', 'time'];
const rank = (precision: Precision) => PRECISIONS.indexOf(precision);

const word = fc.constantFrom(
  'the', 'dam', 'board', 'said', 'it', 'was', 'fixed', 'Mr.', 'U.S.', 'e.g.', 'No. 5', 'Inc.', '3.5', 'example.com', '(via Reuters)',
  'naïve', '東京', 'مرحبا', '😀', '&amp;', '&lt;b&gt;', '<b>bold</b>', '<span>span</span>', '<script>x()</script>', '<img src=x onerror=x()>',
  '*stressed*', '**strong**', '`code`', '[a link](https://example.com/a)', '[bad](javascript:x())', '“quoted words,”', '"plain quotes"', '—', '…', '\\*',
);
const sentence = fc
  .tuple(fc.constantFrom('The', 'Officials', 'It', '“Nobody', 'Crews', '12', 'According to the board,'), fc.array(word, { minLength: 1, maxLength: 10 }), fc.constantFrom('.', '!', '?', '.”', '…', ''))
  .map(([first, rest, end]) => `${first} ${rest.join(' ')}${end}`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((sentences) => sentences.join(' '));
const block = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 1, arbitrary: paragraph.map((text) => `## ${text.replace(/\n/g, ' ')}`) },
  { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')) },
  { weight: 1, arbitrary: paragraph.map((text) => `> ${text}`) },
  { weight: 1, arbitrary: paragraph.map((text) => `<div>${text}</div>`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
);
const body = fc.array(block, { minLength: 0, maxLength: 6 }).map((blocks) => blocks.join('\n\n'));

describe('the article pipeline, for generated Markdown', () => {
  test('loses no text: everything it shows sits under a sentence anchor, and every sentence is shown', () => {
    fc.assert(
      fc.property(body, (markdown) => {
        const outcome = runArticle(articleText({ title: 'Generated', outlet: 'Generator', body: markdown }), 'generated');
        if (outcome.kind === 'rejected') {
          // Only a directive-like block (`:::name`) may stop an article, and then with a clear message.
          expect(outcome.message).toMatch(/Unknown block|needs the time of the revision|matches no entry/);
          expect(unclearRejection(outcome, 'articles/generated.md')).toEqual([]);
          return;
        }
        expect(brokenPromises(outcome)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Any date the schema accepts, from year 1000 to 2999, at any precision, with or without an offset. */
const dateValue = fc
  .record({
    year: fc.integer({ min: 1000, max: 2999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    precision: fc.constantFrom(...PRECISIONS),
    offset: fc.option(fc.integer({ min: -12 * 4, max: 14 * 4 }).map((quarters) => quarters * 15), { nil: null }),
  })
  .map(({ year, month, day, hour, minute, precision, offset }) => {
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (precision === 'year') return String(year);
    if (precision === 'month') return date.slice(0, 7);
    if (precision === 'day') return date;
    const zone = offset === null ? '' : offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
    return `${date}T${pad(hour)}:${pad(minute)}${zone}`;
  });

const dayValue = fc.record({ year: fc.integer({ min: 1000, max: 2999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }).map(({ year, month, day }) => `${year}-${pad(month)}-${pad(day)}`);

const published = fc.oneof(
  { weight: 4, arbitrary: dateValue },
  { weight: 1, arbitrary: fc.constant('unknown') },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.option(dayValue, { nil: undefined }), fc.option(dayValue, { nil: undefined }))
      .filter(([after, before]) => after !== undefined || before !== undefined)
      .map(([after, before]) => (after && before && after > before ? [before, after] : [after, before]))
      .map(([after, before]) => `{ ${[after ? `after: ${after}` : '', before ? `before: ${before}` : ''].filter(Boolean).join(', ')} }`),
  },
);

/** Date phrases, each with the finest precision its own words can state. */
const PHRASES: Array<{ text: string; finest: Precision; relative: boolean }> = [
  { text: 'yesterday', finest: 'day', relative: true },
  { text: 'today', finest: 'day', relative: true },
  { text: 'this morning', finest: 'day', relative: true },
  { text: 'on Thursday', finest: 'day', relative: true },
  { text: 'a few days ago', finest: 'day', relative: true },
  { text: 'last week', finest: 'day', relative: true },
  { text: 'three hours ago', finest: 'time', relative: true },
  { text: 'last month', finest: 'month', relative: true },
  { text: 'last year', finest: 'year', relative: true },
  { text: 'earlier this year', finest: 'year', relative: true },
  { text: 'in February', finest: 'month', relative: true },
  { text: 'at the end of February', finest: 'month', relative: true },
  { text: 'in 2016', finest: 'year', relative: false },
  { text: 'in February 2019', finest: 'month', relative: false },
  { text: 'on 22 March 2019', finest: 'day', relative: false },
];

/** The finest precision a relative expression may be resolved to against this reference. */
function finestFor(reference: ReferenceDate): Precision | undefined {
  if (reference.kind === 'known') return reference.date.precision;
  if (reference.kind === 'bounded') return 'day';
  return undefined;
}

describe('date resolution through the pipeline, for any date the schema accepts', () => {
  test('never throws, and never claims more precision than the sentence and its reference state', () => {
    const phrase = fc.constantFrom(...PHRASES.keys());
    fc.assert(
      fc.property(published, fc.option(dateValue, { nil: undefined }), fc.array(phrase, { minLength: 1, maxLength: 4 }), fc.array(phrase, { maxLength: 3 }), (when, revision, phrases, revised) => {
        const sentences = (indexes: number[]) => indexes.map((index) => `The board said ${PHRASES[index]?.text} that case ${index} was closed.`).join(' ');
        const text = articleText({
          title: 'Dates',
          outlet: 'Generator',
          published: when,
          ...(revision ? { updated: [{ at: revision }] } : {}),
          body: revision && revised.length ? `${sentences(phrases)}\n\n:::update[Update:]{at=${revision}}\n${sentences(revised)}\n:::` : sentences(phrases),
        });
        const outcome = runArticle(text, 'dates');
        if (outcome.kind === 'rejected') throw new Error(outcome.message);
        for (const dated of outcome.article.sentences) {
          const index = Number(/case (\d+) was/.exec(dated.text)?.[1]);
          const stated = PHRASES[index];
          if (!stated) continue;
          const cap = stated.relative ? finestFor(dated.reference) : 'time';
          for (const expression of dated.dates) {
            if (!expression.date) continue;
            expect(cap, `${dated.text} against ${JSON.stringify(dated.reference)}`).toBeDefined();
            expect(rank(expression.date.precision), `${dated.text} → ${expression.date.value}`).toBeLessThanOrEqual(Math.min(rank(stated.finest), rank(cap ?? 'year')));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

const CUES = ['data', 'server', 'fixed', 'probe'];
const ACTORS = [
  { id: 'acme', name: 'Acme Phones', aliases: ['Acme', 'the company'] },
  { id: 'ombudsman', name: 'Data Ombudsman', aliases: ['the ombudsman'] },
];
const definition: IncidentFile = {
  title: 'Generated incident',
  summary: 'Articles made up by the property test.',
  topics: CUES.map((cue) => ({ id: `topic-${cue}`, question: `Was the ${cue} involved?`, cues: [cue] })),
  actors: ACTORS,
};

const claimSentence = fc
  .tuple(
    fc.constantFrom('Acme', 'The company', 'The ombudsman', 'A spokesperson', 'Reuters'),
    fc.constantFrom('said', 'denied that', 'told reporters that', 'confirmed that'),
    fc.constantFrom(...CUES.map((cue) => `the ${cue}`)),
    fc.constantFrom('was sent to a server', 'was not shared', 'was fixed in February 2019', 'may have been involved', 'is under a probe since yesterday'),
    fc.boolean(),
  )
  .map(([who, verb, what, how, quoted]) => (quoted ? `“${what[0]?.toUpperCase()}${what.slice(1)} ${how},” ${who} said.` : `${who} ${verb} ${what} ${how}.`));

const generatedArticle = fc.record({
  published: fc.oneof(dateValue, fc.constant('unknown')),
  sentences: fc.array(fc.oneof(claimSentence, sentence), { minLength: 1, maxLength: 8 }),
});

describe('buildIncident, for generated articles', () => {
  test('every claim, event mention, quote and citation keeps an anchor that lands on its own sentence', () => {
    fc.assert(
      fc.property(fc.array(generatedArticle, { minLength: 1, maxLength: 5 }), (specs) => {
        const articles: ProcessedArticle[] = specs.map((spec, index) => {
          const problems: ContentProblem[] = [];
          const source = parseArticleFile(articleText({ title: `Article ${index}`, outlet: `Outlet ${index}`, published: spec.published, body: spec.sentences.join(' ') }), `articles/outlet-${index}.md`, `outlet-${index}.md`, problems);
          if (!source) throw new Error(JSON.stringify(problems));
          return processArticle(source);
        });
        const incident = buildIncident(definition, articles);
        const bySource = new Map(articles.map((article) => [article.source, article]));
        const links = [
          ...incident.claims.map((claim) => ({ ...claim, kind: 'claim' })),
          ...incident.events.flatMap((event) => event.mentions.map((mention) => ({ ...mention, kind: 'mention' }))),
          ...incident.quotes.flatMap((quote) => quote.members.map((member) => ({ ...member, kind: 'quote' }))),
          ...incident.citations.map((citation) => ({ ...citation, kind: 'citation' })),
        ];
        for (const link of links) {
          const article = bySource.get(link.source);
          expect(article, `${link.kind} from unknown source ${link.source}`).toBeDefined();
          const target = article?.sentences.find((candidate) => candidate.id === link.anchor);
          expect(target?.text, `${link.kind} ${link.source}#${link.anchor}`).toBe(link.text);
          expect(article?.html).toContain(` id="${link.anchor}"`);
        }
        expect(incident.sources.map((source) => source.id).sort()).toEqual(articles.map((article) => article.source).sort());
      }),
      { numRuns: 60 },
    );
  });
});
