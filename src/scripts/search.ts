/**
 * Search on /search/, over the Pagefind index that the build writes to /pagefind/, with the parts
 * listed in /pagefind/shards.json merged into it. The page's form works as a plain GET form
 * (`?q=…`); this script answers it in the page, keeps the address in step with the words typed,
 * and leaves the no-JavaScript notice in place if the index cannot be loaded (as under
 * `astro dev`, which builds no index).
 */
import { foundSentences, type FoundSentence, type PagefindAnchor } from '../lib/search-sentences.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** What the result is and who reported it; see src/lib/search-records.ts. */
  filters: Record<string, string[] | undefined>;
  /** Positions of the words found, among the page's. */
  locations?: number[];
  /** The page's elements with an id; a claimed sentence's id names its topics (src/lib/search-sentences.ts). */
  anchors?: PagefindAnchor[];
}

interface PagefindSearch {
  results: Array<{ id: string; data: () => Promise<PagefindResultData> }>;
}

interface PagefindModule {
  init: () => Promise<void>;
  mergeIndex: (path: string) => Promise<void>;
  search: (term: string) => Promise<PagefindSearch | null>;
  preload: (term: string) => Promise<void>;
}

/** How many results to render at a time. */
const PAGE_SIZE = 20;
/** How many of a source's sentences holding the words a result lists. */
const SENTENCES_SHOWN = 3;
/** Typing pauses this long (ms) before a search runs. */
const TYPING_PAUSE = 200;

const form = document.querySelector<HTMLFormElement>('form.search-form');
const input = document.querySelector<HTMLInputElement>('#search-query');
const fallback = document.querySelector<HTMLElement>('[data-search-fallback]');
const section = document.querySelector<HTMLElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-list]');
/** Each comparison topic's question, by its id, as the page was built with them. */
const questions = new Map<string, string>(Object.entries(JSON.parse(section?.dataset['topics'] ?? '{}') as Record<string, string>));

/** Pagefind excerpts are text with <mark> around matches; anything else is dropped, not trusted. */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const nodes: Node[] = [];
  for (const node of parsed.body.firstElementChild?.childNodes ?? []) {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(document.createTextNode(node.textContent ?? ''));
    else if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent ?? ''));
  }
  return nodes;
}

/** Nodes listing `items` as the page's language does ("a, b, and c"), each item made by `node`. */
function listNodes<T>(items: readonly T[], node: (item: T) => Node): Node[] {
  const format = new Intl.ListFormat(document.documentElement.lang || 'en', { type: 'conjunction' });
  let next = 0;
  return format.formatToParts(items.map(String)).map((part) => (part.type === 'element' ? node(items[next++] as T) : document.createTextNode(part.value)));
}

/** The sentence's text, its words found marked. */
function sentenceNodes(sentence: FoundSentence): Node[] {
  let word = -1;
  return sentence.text
    .trim()
    .split(/(\s+)/u)
    .map((part) => {
      if (/^\s*$/u.test(part)) return document.createTextNode(part);
      word += 1;
      if (!sentence.words.has(word)) return document.createTextNode(part);
      const mark = document.createElement('mark');
      mark.textContent = part;
      return mark;
    });
}

/** The sentences of a source that hold the words found, each linking to its place on the page and, for a claim, to its questions in the comparison. */
function sentenceList(url: string, sentences: readonly FoundSentence[]): Node[] {
  const list = document.createElement('ul');
  list.className = 'search-sentences';
  for (const sentence of sentences.slice(0, SENTENCES_SHOWN)) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `${url}#${encodeURIComponent(sentence.id)}`;
    link.append(...sentenceNodes(sentence));
    item.append(link);
    if (sentence.topics.length > 0) {
      const claim = document.createElement('span');
      claim.className = 'search-claim';
      const topicLink = (topic: string) => {
        const anchor = document.createElement('a');
        anchor.href = `/compare/#${encodeURIComponent(topic)}`;
        anchor.textContent = `“${questions.get(topic) ?? topic}”`;
        return anchor;
      };
      claim.append('Claim on ', ...listNodes(sentence.topics, topicLink));
      item.append(' ', claim);
    }
    list.append(item);
  }
  const nodes: Node[] = [list];
  const more = sentences.length - SENTENCES_SHOWN;
  if (more > 0) {
    const note = document.createElement('p');
    note.className = 'search-context';
    note.textContent = `${more} more ${more === 1 ? 'sentence' : 'sentences'} of this source ${more === 1 ? 'holds' : 'hold'} these words.`;
    nodes.push(note);
  }
  return nodes;
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const kind = document.createElement('p');
  kind.className = 'search-kind';
  kind.textContent = [data.filters['kind']?.[0] ?? 'Page', data.filters['outlet']?.join(', ')].filter(Boolean).join(' · ');
  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  heading.append(link);
  item.append(kind, heading);
  const sentences = foundSentences(data);
  if (sentences.length > 0) {
    item.append(...sentenceList(data.url, sentences));
  } else {
    // A timeline entry, or a source whose words were found outside its sentences (its title, its outlet).
    const excerpt = document.createElement('p');
    excerpt.className = 'search-excerpt';
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(excerpt);
  }
  return item;
}

function setAddress(term: string): void {
  const url = new URL(location.href);
  if (term) url.searchParams.set('q', term);
  else url.searchParams.delete('q');
  history.replaceState(history.state, '', url);
}

async function start(): Promise<void> {
  if (!form || !input || !section || !status || !list) return;
  let pagefind: PagefindModule;
  try {
    // A run-time address: the index is written after the site is bundled, so it cannot be bundled.
    const bundle = new URL('/pagefind/', location.href);
    const parts = fetch(new URL('shards.json', bundle)).then((response) => response.json() as Promise<{ shards: string[] }>);
    // Awaited below, once the script is loaded; a failure before that must not go unhandled.
    parts.catch(() => {});
    pagefind = (await import(/* @vite-ignore */ new URL('pagefind.js', bundle).href)) as PagefindModule;
    await pagefind.init();
    // A large site's index comes in parts (src/integrations/search-shards.ts), searched as one.
    await Promise.all((await parts).shards.map((part) => pagefind.mergeIndex(new URL(part, bundle).pathname)));
  } catch {
    return;
  }
  fallback?.setAttribute('hidden', '');
  section.hidden = false;

  let latest = 0;
  let moreButton: HTMLButtonElement | undefined;

  const run = async (raw: string) => {
    const term = raw.trim();
    const ticket = ++latest;
    setAddress(term);
    moreButton?.remove();
    if (!term) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await pagefind.search(term);
    if (ticket !== latest || !search) return;
    const results = search.results;
    list.replaceChildren();
    status.textContent =
      results.length === 0
        ? `Nothing found for “${term}”.`
        : `${results.length} ${results.length === 1 ? 'result' : 'results'} for “${term}”.`;
    let shown = 0;
    const showMore = async () => {
      const next = results.slice(shown, shown + PAGE_SIZE);
      const data = await Promise.all(next.map((result) => result.data()));
      if (ticket !== latest) return;
      list.append(...data.map(resultItem));
      shown += next.length;
      moreButton?.remove();
      if (shown < results.length) {
        moreButton = document.createElement('button');
        moreButton.type = 'button';
        moreButton.className = 'search-more';
        moreButton.textContent = `Show ${Math.min(PAGE_SIZE, results.length - shown)} more`;
        moreButton.addEventListener('click', () => void showMore());
        list.after(moreButton);
      }
    };
    await showMore();
  };

  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    if (input.value.trim()) void pagefind.preload(input.value.trim());
    timer = window.setTimeout(() => void run(input.value), TYPING_PAUSE);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    void run(input.value);
  });

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (initial) {
    input.value = initial;
    await run(initial);
  }
}

void start();

// A module, so that its top-level names stay its own.
export {};
