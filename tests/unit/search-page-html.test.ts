import fc from 'fast-check';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, test } from 'vitest';
import { indexedPart, relabelIds } from '../../src/integrations/search-page-html.ts';

afterAll(() => pagefind.close());

/** The bundle Pagefind writes for `pages` (path to bytes), as the site's search integration indexes them. */
async function bundle(pages: ReadonlyArray<{ sourcePath: string; content: string }>): Promise<Map<string, string>> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.s-link'] });
  expect(errors).toEqual([]);
  for (const page of pages) expect((await index!.addHTMLFile(page)).errors).toEqual([]);
  const { files } = await index!.getFiles();
  await index!.deleteIndex();
  return new Map(files.map((file) => [file.path, Buffer.from(file.content).toString('base64')]));
}

/** Pagefind indexes each page given as `indexedPart` makes it exactly as it indexes the page itself. */
async function expectSameIndex(pages: readonly string[]): Promise<void> {
  const whole = pages.map((content, i) => ({ sourcePath: `p${i}/index.html`, content }));
  const cut = whole.map((page) => ({ ...page, content: indexedPart(page.content, ['.s-link']) }));
  expect(await bundle(cut)).toEqual(await bundle(whole));
}

const head = '<head><meta charset="utf-8"><title>A page</title><link rel="stylesheet" href="/a.css"><script type="module" src="/a.js"></script></head>';

describe('indexedPart', () => {
  test('keeps the html tag, the head and the marked parts in order, and drops the rest', () => {
    const page = `<!DOCTYPE html><html lang="fi">${head}<body><header><nav><a href="/">Home</a></nav></header><h1 data-pagefind-body>Title</h1><section><h2>Compared</h2><p>Other outlets</p></section><article data-pagefind-body data-pagefind-filter="kind:Source"><p>One. <span class="s-link">#</span></p></article><footer>Built</footer><script>let a = "<article>";</script></body></html>`;
    expect(indexedPart(page)).toBe(`<!DOCTYPE html><html lang="fi">${head}<body><h1 data-pagefind-body>Title</h1><article data-pagefind-body data-pagefind-filter="kind:Source"><p>One. <span class="s-link">#</span></p></article></body></html>`);
  });

  test('follows a marked element through elements of its own name, comments, quoted values and raw text', () => {
    const marked = `<h2 data-pagefind-body>Heading</h2><div data-pagefind-body><div title="a > b <div>">In <!-- </div> --> <div>nested</div></div><script>"</div>"</script><br><p>2 < 3</p></div>`;
    const page = `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><div class="x">before</div>${marked}<div>after</div></body></html>`;
    expect(indexedPart(page)).toBe(`<!DOCTYPE html><html lang="en"><head><title>T</title></head><body>${marked}</body></html>`);
  });

  test('gives the page whole when it cannot leave anything out safely', () => {
    const cases = [
      // Nothing marked: Pagefind reads the whole body.
      `<html><head></head><body><p>All of it</p></body></html>`,
      // Read by Pagefind wherever they stand.
      `<html><head></head><body><span data-pagefind-filter="outlet">Daily</span><main data-pagefind-body>Text</main></body></html>`,
      `<html><head></head><body><span data-pagefind-meta="date:2020">x</span><main data-pagefind-body>Text</main></body></html>`,
      `<html><head></head><body><span data-pagefind-sort="date:2020">x</span><main data-pagefind-body>Text</main></body></html>`,
      // A first heading or image elsewhere may become the result's title or image.
      `<html><head></head><body><h1>Elsewhere</h1><main data-pagefind-body>Text</main></body></html>`,
      `<html><head></head><body><img src="/a.png" alt=""><main data-pagefind-body>Text</main></body></html>`,
      `<html><head></head><body><title>Out of place</title><main data-pagefind-body>Text</main></body></html>`,
      // Marked parts that may hold no text once Pagefind leaves out what it is told to: it then reads the whole page.
      `<html><head></head><body><div class="s-link" data-pagefind-body></div><p>Elsewhere</p></body></html>`,
      `<html><head></head><body><div class="s-link" data-pagefind-body>Text</div><p>Elsewhere</p></body></html>`,
      `<html><head></head><body><div data-pagefind-body><span>Text</span></div><p>Elsewhere</p></body></html>`,
      `<html><head></head><body><h2 data-pagefind-body data-pagefind-ignore>Text</h2><p>Elsewhere</p></body></html>`,
      // An element closed without its end tag, or a start tag written as if it closed itself: where it ends is not sure.
      `<html><head></head><body><ul><li>One<li>Two</ul><h2 data-pagefind-body>Text</h2></body></html>`,
      `<html><head></head><body><div/><h2 data-pagefind-body>Text</h2></body></html>`,
      // Elements that parsers read as text or as tags, depending on their settings; and foreign content.
      `<html><head></head><body><noscript><p>Enable scripts</p></noscript><h2 data-pagefind-body>Text</h2></body></html>`,
      `<html><head></head><body><svg viewBox="0 0 1 1"><path d="M0 0"/></svg><h2 data-pagefind-body>Text</h2></body></html>`,
      // The whole body marked.
      `<html><head></head><body data-pagefind-body><p>Text</p></body></html>`,
      // Never closed, or cut off.
      `<html><head></head><body><main data-pagefind-body><p>Text</p></body></html>`,
      `<html><head></head><body><main data-pagefind-body><p title="open>Text</p></main></body></html>`,
    ];
    for (const page of cases) expect(indexedPart(page)).toBe(page);
    // A selector that may leave out the one element sure to hold text, or that cannot be read that far.
    const page = `<html><head></head><body><h2 data-pagefind-body>Text</h2><p>Elsewhere</p></body></html>`;
    expect(indexedPart(page)).not.toBe(page);
    for (const selectors of [['h2'], ['.x, h2'], ['main > h2'], ['[data-x]'], ['*']]) expect(indexedPart(page, selectors)).toBe(page);
    expect(indexedPart(page, ['.s-link', '.meta dt', 'h20'])).not.toBe(page);
  });

  test('keeps the elements around the marked parts, and the text directly in them', () => {
    const page = `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><div class="wrap"><p>Dropped</p>Lead <h2 data-pagefind-body>Text</h2> kept after <section><p>Dropped too</p></section></div><br><aside>Gone</aside></body></html>`;
    expect(indexedPart(page)).toBe(`<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><div class="wrap">Lead <h2 data-pagefind-body>Text</h2> kept after </div><br></body></html>`);
  });

  test('an attribute named in a value is not an attribute', () => {
    const page = `<html><head></head><body><p title=" data-pagefind-filter=x">Elsewhere</p><main title="data-pagefind-meta" data-pagefind-body>Text</main></body></html>`;
    expect(indexedPart(page)).toBe(`<!DOCTYPE html><html><head></head><body><main title="data-pagefind-meta" data-pagefind-body>Text</main></body></html>`);
  });

  test('Pagefind makes the same index from it as from the page (crafted pages)', async () => {
    await expectSameIndex([
      `<!DOCTYPE html><html lang="en">${head}<body><header><a href="/">Parallax</a></header><h1 data-pagefind-body>Harbour closed</h1><dl class="meta" data-pagefind-body><dt>Outlet</dt><dd data-pagefind-filter="outlet" data-pagefind-weight="10">The Daily</dd> <dt>By</dt><dd>Jane Roe</dd></dl><section><h2>What it claims</h2><p>Compared with others: harbour, closure.</p></section><article data-pagefind-body data-pagefind-filter="kind:Source"><h2 data-pagefind-ignore>The article</h2><p><span id="s-1" class="s">The harbour closed on Monday.</span><a href="#s-1" class="s-link">#</a> <span id="s-2" class="s">Ferries stopped.</span></p></article><footer>Built by Parallax</footer></body></html>`,
      `<!DOCTYPE html><html lang="fi"><head><title>Toinen</title></head><body><nav>Valikko</nav><div data-pagefind-body><div title="a > b">Satama <!-- </div> --> suljettiin <div>maanantaina</div></div><p>2 &lt; 3 < 4</p></div><aside>Muuta</aside></body></html>`,
      `<!DOCTYPE html><html lang="en"><head><title>Plain</title></head><body><p>Whole page, nothing marked.</p></body></html>`,
      `<!DOCTYPE html><html lang="en"><head><title>Around</title></head><body><main>Before <h2 data-pagefind-body>harbour</h2><div><dl data-pagefind-body><span>ferry</span></dl></div> after it<section>not this</section></main></body></html>`,
    ]);
  }, 30_000);

  test('Pagefind makes the same index from it as from the page (property)', async () => {
    const word = fc.constantFrom('harbour', 'closed', 'ferry', 'Monday', 'council', 'report', 'water', '2020', 'said', 'not');
    const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
    const attribute = fc.constantFrom('', ' class="s-link"', ' data-pagefind-ignore', ' title="a > b"', ' data-pagefind-filter="kind:x"', ' data-pagefind-weight="5"', ' data-pagefind-meta="m:y"', ' id="s-1"');
    // A marked heading that is sure to hold text: with it, a page may be cut.
    const heading = fc.tuple(fc.constantFrom('h1', 'h2', 'p'), text).map(([tag, t]) => `<${tag} data-pagefind-body>${t}</${tag}>`);
    const leaf = fc.tuple(fc.constantFrom('p', 'span', 'a', 'em', 'li', 'h2', 'dd'), attribute, text).map(([tag, attr, t]) => `<${tag}${attr}>${t}</${tag}>`);
    const node: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.constant('<br>'),
        fc.constant('<nav>Menu <a href="/">Home</a></nav>'),
        fc.constant('<script>let x = "<div>";</script>'),
        fc.constant('<!-- <div> -->'),
        heading,
        fc.tuple(fc.constantFrom('div', 'section', 'article', 'main', 'ul', 'dl'), attribute, fc.boolean(), fc.array(fc.oneof(tie('node'), text), { maxLength: 3 })).map(
          ([tag, attr, marked, children]) => `<${tag}${attr}${marked ? ' data-pagefind-body' : ''}>${children.join('')}</${tag}>`,
        ),
      ),
    })).node;
    let cut = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: heading, weight: 3 }, { arbitrary: fc.constant(''), weight: 1 }), fc.array(node, { minLength: 1, maxLength: 4 }), fc.constantFrom('en', 'fi'), async (first, nodes, lang) => {
        const page = `<!DOCTYPE html><html lang="${lang}"><head><title>T</title></head><body><header>Menu</header>${first}${nodes.join('')}<footer>End</footer></body></html>`;
        if (indexedPart(page, ['.s-link']) !== page) cut++;
        await expectSameIndex([page]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    );
    // Most pages are cut, or the property would say little.
    expect(cut).toBeGreaterThan(Number(process.env.PROPERTY_RUNS ?? 40) / 3);
  }, 120_000);
});

describe('relabelIds', () => {
  const ids = new Map([
    ['s-1', 's-1~cause'],
    ['s-2', 's-2~cause~warning'],
  ]);

  test('gives the elements named the ids they map to, whatever the quotes, and leaves the rest as written', () => {
    const page = `<p><span class="s" id="s-1" data-s="s-1">One.</span> <span id='s-2'>Two.</span> <span id=s-3>Three.</span> <SPAN ID=s-1>Again.</SPAN></p>`;
    expect(relabelIds(page, ids)).toBe(
      `<p><span class="s" id="s-1~cause" data-s="s-1">One.</span> <span id="s-2~cause~warning">Two.</span> <span id=s-3>Three.</span> <SPAN id="s-1~cause">Again.</SPAN></p>`,
    );
  });

  test('reads tags only: text, comments, raw text and other attributes that say id="…" stay as written', () => {
    const page = `<p>Write id="s-1" in HTML.</p><!-- <span id="s-1"> --><script>const tag = '<span id="s-1">';</script><style>/* <b id="s-2"> */</style><a title='id="s-1"' href="#s-1">link</a>`;
    expect(relabelIds(page, ids)).toBe(page);
  });

  test('gives the page unchanged when nothing is named, and takes an element\'s first id as its id', () => {
    const page = '<p><span id="s-9">Nine.</span></p>';
    expect(relabelIds(page, ids)).toBe(page);
    expect(relabelIds(page, new Map())).toBe(page);
    expect(relabelIds('<i id="s-9" id="s-1">x</i>', ids)).toBe('<i id="s-9" id="s-1">x</i>');
  });

  test('changes nothing but the ids (property): the text and every other attribute are the same', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/u);
    const sentence = fc.record({ id: fc.constantFrom('s-1', 's-2', 's-3'), text: fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')), cls: fc.boolean() });
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 12 }), (sentences) => {
        const page = `<article data-pagefind-body><p>${sentences.map((s) => `<span${s.cls ? ' class="s"' : ''} id="${s.id}">${s.text}</span>`).join(' ')}</p></article>`;
        const out = relabelIds(page, ids);
        const expected = page.replace(/id="(s-[12])"/gu, (_, id: string) => `id="${ids.get(id)}"`);
        expect(out).toBe(expected);
      }),
    );
  });
});
