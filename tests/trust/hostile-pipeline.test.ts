import { describe, expect, test } from 'vitest';
import { brokenPromises, runArticle, unclearRejection, type Outcome } from './check-article.ts';
import { articleText, bigBody, commonmarkExamples, naughtyStrings, PROSE, scriptPayloads, type MarkdownCase } from './corpus.ts';

const fileOf = (name: string) => `articles/${name}.md`;

/** Records a broken promise of one case without stopping the loop, so one run lists every failing case. */
function expectKept(outcome: Outcome, name: string): void {
  if (outcome.kind === 'rejected') {
    expect.soft(outcome.message, `${name} should render`).toBe('');
    return;
  }
  expect.soft(brokenPromises(outcome), name).toEqual([]);
}

function expectRendered(outcome: Outcome, name: string): asserts outcome is Extract<Outcome, { kind: 'rendered' }> {
  if (outcome.kind === 'rejected') throw new Error(`${name} should render, but: ${outcome.message}`);
}

const asArticles = (cases: MarkdownCase[]) =>
  cases.map((item) => ({ ...item, text: articleText({ title: item.name, outlet: 'Trust tests', body: item.markdown }) }));

describe('every CommonMark spec example as an article body', () => {
  const cases = asArticles(commonmarkExamples());

  test(`renders all ${cases.length} examples to inert HTML with all of their text under sentence anchors`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(652);
    for (const item of cases) expectKept(runArticle(item.text, item.name), item.name);
  });
});

describe('the Big List of Naughty Strings', () => {
  const strings = naughtyStrings();

  test(`keeps all ${strings.length} strings as body text, inert and under sentence anchors`, () => {
    expect(strings.length).toBeGreaterThan(400);
    strings.forEach((naughty, index) => {
      const name = `blns-body-${index}`;
      const outcome = runArticle(articleText({ title: 'Naughty body', outlet: 'Trust tests', body: `${PROSE}\n\n${naughty}\n\n> ${naughty}\n\n- ${naughty}` }), name);
      expectKept(outcome, `${name}: ${JSON.stringify(naughty)}`);
    });
  });

  test('keeps every string verbatim as a title, an outlet, an author and a revision note, or names the field it cannot be', () => {
    strings.forEach((naughty, index) => {
      const name = `blns-fields-${index}`;
      const outcome = runArticle(
        articleText({ title: naughty, outlet: naughty, author: naughty, updated: [{ at: '2019-03-23', note: naughty }], body: `:::update[${naughty.replace(/[[\]\\]/g, '')}]{at=2019-03-23}\n${PROSE}\n:::` }),
        name,
      );
      if (naughty.trim() === '') {
        expect.soft(outcome.kind, `${name} is blank`).toBe('rejected');
        if (outcome.kind === 'rejected') {
          expect.soft(unclearRejection(outcome, fileOf(name)), name).toEqual([]);
          expect.soft(outcome.problems.map((problem) => problem.field).sort(), name).toEqual(['outlet', 'title']);
          expect.soft(outcome.problems.every((problem) => problem.line !== undefined), `${name} names lines`).toBe(true);
        }
        return;
      }
      if (outcome.kind === 'rejected') {
        expect.soft(outcome.message, `${name}: ${JSON.stringify(naughty)} should be accepted`).toBe('');
        return;
      }
      const { frontmatter } = outcome.article;
      expect.soft(frontmatter.title, name).toBe(naughty.trim());
      expect.soft(frontmatter.outlet, name).toBe(naughty.trim());
      expect.soft(frontmatter.author, name).toBe(naughty);
      expect.soft(frontmatter.updated[0]?.note, name).toBe(naughty);
      expect.soft(brokenPromises(outcome), name).toEqual([]);
    });
  });
});

describe('script and injection payloads', () => {
  const payloads = scriptPayloads();

  test.each(payloads.map((payload) => [payload.name, payload.markdown]))('%s renders inert and keeps the text around it', (name, markdown) => {
    const outcome = runArticle(articleText({ title: name, outlet: 'Trust tests', body: `${PROSE}\n\n${markdown}\n\nThe text after the payload must survive.` }), name);
    expectRendered(outcome, name);
    expect(brokenPromises(outcome)).toEqual([]);
    // A payload may stay visible as escaped text or as an attribute's value; neither is markup.
    expect(outcome.article.html).not.toMatch(/<script/i);
    expect(outcome.article.sentences.map((sentence) => sentence.text)).toContain('The text after the payload must survive.');
  });

  test('links out of the article open no window that can reach back into the site', () => {
    const outcome = runArticle(articleText({ title: 't', outlet: 'o', body: '[A](https://example.com/a) and <a href="https://example.com/b" target="_blank">B</a>.' }), 'links');
    expectRendered(outcome, 'links');
    expect(outcome.article.html).not.toContain('target=');
    expect(outcome.article.html.match(/rel="noopener noreferrer"/g)).toHaveLength(2);
  });
});

describe('an unknown block in the body', () => {
  test('fails with a content error naming the file and the line, without a stack trace', () => {
    const outcome = runArticle(articleText({ title: 't', outlet: 'o', body: 'First paragraph.\n\n:::script\nalert(1)\n:::' }), 'unknown-block');
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind !== 'rejected') return;
    expect(unclearRejection(outcome, fileOf('unknown-block'))).toEqual([]);
    expect(outcome.problems[0]?.line).toBe(8);
    expect(outcome.message).toMatch(/Unknown block `:::script`/);
  });
});

describe('a 5 MB article', () => {
  test('renders every one of its sentences under an anchor, inert', () => {
    const body = bigBody(5 * 1024 * 1024);
    expect(Buffer.byteLength(body)).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const outcome = runArticle(articleText({ title: 'Big', outlet: 'Trust tests', body }), 'big');
    expectRendered(outcome, 'big');
    expect(outcome.article.sentences.length).toBeGreaterThan(90_000);
    expect(brokenPromises(outcome)).toEqual([]);
  }, 240_000);
});

describe('what sanitizing keeps', () => {
  test('keeps the class of revision sections, so that their styling applies', () => {
    const outcome = runArticle(articleText({ title: 't', outlet: 'o', updated: [{ at: '2019-03-23' }], body: `:::update[Update:]{at=2019-03-23}\n${PROSE}\n:::` }), 'revision');
    expectRendered(outcome, 'revision');
    expect(outcome.article.html).toMatch(/<section class="revision" data-revision="2019-03-23">/);
  });
});
