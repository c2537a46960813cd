import { toString } from 'mdast-util-to-string';
import { finalMark, isNameWithPeriod, isProse, repeatKey, stripBullet, wordCount } from './block-signals.ts';
import {
  BOILERPLATE,
  CAPTION,
  CAPTION_MAX_WORDS,
  CLUTTER_MAX_WORDS,
  COOKIE_BANNER,
  COOKIE_NOTICE,
  COOKIE_NOTICE_MAX_WORDS,
  CREDIT_TAIL,
  COMMENTS_HEADING,
  LABEL,
  MEDIA_MARKUP,
  PROMO,
  RELATED_HEADING,
} from './clutter-patterns.ts';
import { detectLanguage } from './detect-language.ts';
import { addScriptCounts, countScripts, dominantScript } from './detect-script.ts';
import { isBylineRole, isNameLike, recognizeMetaLine, startsWithMetaLabel, type MetaLine } from './recognize-meta-line.ts';
import type { InputBlock, Removal } from './types.ts';

/**
 * Sorts the blocks of a saved page into the article and its clutter, by signals that hold for any
 * news site: where the headline and the first paragraph are, what reads as sentences, what repeats,
 * what is written in another script or language, and the vocabulary of page furniture. A kept
 * block is never changed; every removed block is reported with the reason.
 */

export interface CleanBlocksOptions {
  /**
   * `lines` for a page saved as text, where structure must be guessed from short lines; `structured`
   * for blocks converted from HTML, whose headings and lists are trusted (default `lines`).
   */
  layout?: 'lines' | 'structured';
  /** The headline, when page metadata states it; blocks that repeat it are removed (default none). */
  title?: string;
  /** The publication date, when known, for dates printed without a year (default none). */
  reference?: string;
  /** What `InputBlock.line` counts, for the report (default `line`). */
  unit?: 'line' | 'block';
}

export interface KeptBlock {
  block: InputBlock;
  /** How the block is written out: a paragraph, a `##` heading, a list item, or its converted node as is. */
  role: 'paragraph' | 'heading' | 'item' | 'node';
}

export interface MetaFinding {
  line: number;
  text: string;
  meta: MetaLine;
}

export interface CleanedBlocks {
  /** The headline found in the text (layout `lines`). */
  title?: { text: string; line: number };
  kept: KeptBlock[];
  removals: Removal[];
  /** Bylines and publication lines, in page order; they are removed from the text as well. */
  meta: MetaFinding[];
}

/** Removed blocks are abbreviated to this many characters in the report. */
export const REPORT_TEXT_LENGTH = 72;
/** A short line repeated on the page is a teaser, label or caption; longer repeats keep their first copy. */
export const REPEAT_MAX_WORDS = 12;
/** Headline candidates: at least three words (a one-word line is a section label), at most thirty. */
export const TITLE_WORDS: readonly [number, number] = [3, 30];
/** A headline-shaped line this long right under another is a standfirst (kept as the text's first paragraph), and the one above it the headline. */
export const STANDFIRST_MIN_WORDS = 11;
/** …provided the line above is a headline of at least this many words, not a section label or kicker. */
export const HEADLINE_MIN_WORDS = 5;
/** The headline is looked for among the last five lines before the first paragraph. */
export const TITLE_LOOKBEHIND = 5;
/** Section headings: at most fifteen words and 120 characters. */
export const HEADING_MAX_WORDS = 15;
/** Consecutive short lines without a blank line between them form a menu or teaser from two on. */
export const RUN_IN_GROUP = 2;
/** Short lines each on their own form a link list from three in a row on. */
export const RUN_ACROSS_GROUPS = 3;
/** Lines of another language are only judged from this many words on. */
export const LANGUAGE_MIN_WORDS = 6;
/** A box after a "Related" heading is an inline box, not the page's tail, when at least half its blocks are prose. */
export const INLINE_BOX_PROSE_SHARE = 0.5;

/** Metadata lines printed between a headline and its text. */
export const HEADER_META: ReadonlySet<MetaLine['kind']> = new Set(['byline', 'published', 'date', 'interchangeable']);

interface State {
  block: InputBlock;
  text: string;
  words: number;
  prose: boolean;
  script?: string;
  removed?: string;
  meta?: MetaLine;
  trailer?: 'comments' | 'related';
  heading?: boolean;
  item?: boolean;
}

export function abbreviate(text: string, length = REPORT_TEXT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

const META_REASONS: Record<MetaLine['kind'], string> = {
  byline: 'byline (read into the metadata)',
  published: 'publication line (read into the metadata)',
  updated: 'revision line (read into the metadata)',
  date: 'date line (page metadata or comment date)',
  unreadable: 'publication line whose date cannot be read for certain',
  interchangeable: 'date line whose day and month can be swapped (page metadata or comment date)',
};

/** A line that is only a date, its day and month known or not. */
function isDateLine(meta: MetaLine | undefined): boolean {
  return meta?.kind === 'date' || meta?.kind === 'interchangeable';
}

function isStructuredProse(state: State): boolean {
  const type = state.block.node?.type;
  if (type === 'list' || type === 'blockquote' || type === 'table' || type === 'code') return true;
  if (type === 'heading') return false;
  return state.prose;
}

/** A paragraph or list whose text is all link text: a menu, or a promotion of other pages. */
function isLinkOnly(block: InputBlock): boolean {
  const node = block.node;
  if (!node) return false;
  const linked = (children: Array<{ type: string }>): boolean =>
    children.length > 0 && children.every((child) => child.type === 'link' || (child.type === 'text' && !toString(child).trim()));
  if (node.type === 'paragraph') return linked(node.children);
  if (node.type === 'list') {
    return node.children.every((item) => item.children.length === 1 && item.children[0]?.type === 'paragraph' && linked(item.children[0].children));
  }
  return false;
}

export function cleanBlocks(blocks: readonly InputBlock[], options: CleanBlocksOptions = {}): CleanedBlocks {
  const layout = options.layout ?? 'lines';
  const unit = options.unit ?? 'line';
  const states: State[] = blocks.map((block) => {
    const text = stripBullet(block.text);
    return { block, text, words: wordCount(text), prose: isProse(text) };
  });
  const remove = (state: State, reason: string) => {
    state.removed ??= reason;
  };
  const alive = (state: State | undefined): state is State => state !== undefined && state.removed === undefined;

  const scripts = states.map((state) => countScripts(state.text));
  const pageScript = dominantScript(addScriptCounts(scripts));
  // The page's language is the one most of its prose is written in, block by block.
  const votes = new Map<string, number>();
  states.forEach((state, i) => {
    const language = state.prose && dominantScript(scripts[i]!) === pageScript ? detectLanguage(state.text) : undefined;
    if (language) votes.set(language, (votes.get(language) ?? 0) + state.words);
  });
  const pageLanguage = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];

  // Signals of single blocks: metadata lines, furniture phrases, another script or language.
  states.forEach((state, i) => {
    const { text, words } = state;
    state.script = dominantScript(scripts[i]!);
    const short = words <= CLUTTER_MAX_WORDS;
    const meta = short ? recognizeMetaLine(text, options.reference) : undefined;
    if (meta) {
      state.meta = meta;
      remove(state, META_REASONS[meta.kind]);
      return;
    }
    // Under a byline, a line naming the writer's role belongs to it: it is no headline, nor text.
    if (short && i > 0 && states[i - 1]!.meta?.kind === 'byline' && isBylineRole(text)) {
      remove(state, 'byline (the writer’s role)');
      return;
    }
    if (short && COMMENTS_HEADING.test(text)) state.trailer = 'comments';
    else if (short && RELATED_HEADING.test(text)) state.trailer = 'related';
    if (state.trailer) return;
    const boilerplate = short ? BOILERPLATE.find(([pattern]) => pattern.test(text)) : undefined;
    if (boilerplate) remove(state, boilerplate[1]);
    else if ((words <= COOKIE_NOTICE_MAX_WORDS && COOKIE_NOTICE.test(text)) || (short && COOKIE_BANNER.test(text))) remove(state, 'cookie notice');
    else if (((!state.prose || words <= REPEAT_MAX_WORDS) && CAPTION.test(text)) || (words <= CAPTION_MAX_WORDS && CREDIT_TAIL.test(text))) {
      remove(state, 'image caption or credit');
    }
    else if (short && PROMO.test(text) && finalMark(text) !== '.') remove(state, 'promotion of another story');
    else if (LABEL.test(text)) remove(state, 'page label');
    else if (MEDIA_MARKUP.test(text) || (!state.prose && isLinkOnly(state.block))) remove(state, 'image or link without text of its own');
    else if (pageScript && state.script && state.script !== pageScript && scripts[i]!.letters >= 3) {
      remove(state, `written in ${state.script} script, the article in ${pageScript}`);
    } else if (pageLanguage && words >= LANGUAGE_MIN_WORDS && state.script === pageScript) {
      const language = detectLanguage(text);
      if (language && language !== pageLanguage) remove(state, `in another language (${language}) than the article (${pageLanguage})`);
    }
  });

  const isText = (state: State | undefined): boolean =>
    alive(state) && !state.trailer && (layout === 'structured' ? isStructuredProse(state) : state.prose);

  // The headline: the last headline-shaped line before the first paragraph of text.
  let title: CleanedBlocks['title'];
  let titleIndex = -1;
  const firstText = states.findIndex((state) => isText(state));
  const headlineShaped = (state: State): boolean =>
    !state.trailer &&
    finalMark(state.text) !== '.' &&
    !startsWithMetaLabel(state.text) &&
    !/^by\s/iu.test(state.text) &&
    state.words >= TITLE_WORDS[0] &&
    state.words <= TITLE_WORDS[1] &&
    /^[\p{Lu}\p{N}"“‘'[(]/u.test(state.text);
  if (layout === 'lines' && firstText >= 0) {
    // Bylines and dates sit under the headline: what lies between them and the text is a caption or a label.
    let from = firstText;
    for (let i = firstText - 1, looked = 0; i >= 0 && looked < TITLE_LOOKBEHIND; i--) {
      const state = states[i]!;
      if (state.meta && HEADER_META.has(state.meta.kind)) from = i;
      if (alive(state)) looked++;
    }
    if (from < firstText && states[from]!.meta?.kind !== 'byline') from = markNameByline(states, from, alive, headlineShaped);
    let looked = 0;
    for (let i = from - 1; i >= 0 && looked < TITLE_LOOKBEHIND; i--) {
      const state = states[i]!;
      if (!alive(state)) continue;
      looked++;
      if (!headlineShaped(state)) continue;
      titleIndex = i;
      // A long line right under a shorter headline is its standfirst: "Storm closes port" over "The harbour … said on Monday".
      const above = states.slice(Math.max(0, i - 3), i).reverse().find((other) => alive(other));
      if (above && state.words >= STANDFIRST_MIN_WORDS && above.words >= HEADLINE_MIN_WORDS && above.words < state.words && headlineShaped(above) && above.text !== above.text.toUpperCase()) {
        titleIndex = states.indexOf(above);
        // The standfirst is the outlet's own words, often its summary of the story: it opens the text.
        state.prose = true;
      }
      title = { text: states[titleIndex]!.text, line: states[titleIndex]!.block.line };
      break;
    }
  }
  const titleKey = repeatKey(title?.text ?? options.title ?? '');
  states.forEach((state, i) => {
    if (i === titleIndex) remove(state, 'headline (read into the metadata)');
    else if (titleKey && repeatKey(state.text) === titleKey) remove(state, 'repeats the headline');
  });
  if (layout === 'lines') {
    const start = titleIndex >= 0 ? titleIndex : firstText;
    states.forEach((state, i) => {
      if (i < start) remove(state, titleIndex >= 0 ? 'before the headline (page header and menus)' : 'before the article’s first paragraph (page header and menus)');
      else if (i > titleIndex && i < firstText && !state.prose) remove(state, 'between the headline and the text (label, caption or image)');
    });
  }

  // Repeats: a short line printed twice is a teaser, label or caption; a paragraph keeps its first copy.
  const seen = new Map<string, { count: number; first: number }>();
  states.forEach((state, i) => {
    const key = repeatKey(state.text);
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { count: 1, first: i });
  });
  states.forEach((state, i) => {
    const entry = seen.get(repeatKey(state.text));
    if (!entry || entry.count < 2 || state.trailer) return;
    if (!state.prose || state.words <= REPEAT_MAX_WORDS) remove(state, `short line printed ${entry.count} times on the page (teaser, label or caption)`);
    else if (entry.first !== i) remove(state, `repeats the paragraph of ${unit} ${states[entry.first]!.block.line}`);
  });

  // The page's tail: comments end the article; a "related" box does too unless text follows it.
  // Two or more comment headers (user name and date) start a comment section, even without a heading.
  const comments = commentHeaders(states).filter((index) => index > firstText);
  if (comments.length >= 2) states[comments[0]!]!.trailer = 'comments';
  for (let i = Math.max(firstText, 0); i < states.length; i++) {
    const state = states[i]!;
    if (!state.trailer || (state.removed !== undefined && !comments.includes(i))) continue;
    const next = states.findIndex((other, j) => j > i && other.trailer !== undefined);
    const box = states.slice(i + 1, next === -1 ? undefined : next).filter((other) => alive(other));
    const prose = box.filter((other) => isText(other)).length;
    if (state.trailer === 'related' && prose >= 2 && prose >= INLINE_BOX_PROSE_SHARE * box.length) {
      remove(state, 'heading of a box of other stories');
      for (let j = i + 1; j < states.length && !isText(states[j]); j++) remove(states[j]!, 'in a box of other stories');
      continue;
    }
    const reason = state.trailer === 'comments' ? 'reader comments' : 'other stories after the article';
    state.removed = `${reason} (“${abbreviate(state.text, 30)}” and everything after it)`;
    for (let j = i + 1; j < states.length; j++) remove(states[j]!, `${reason} (after “${abbreviate(state.text, 30)}”, ${unit} ${state.block.line})`);
    break;
  }

  if (layout === 'lines') {
    markListItems(states, alive);
    removeShortRuns(states, alive);
    states.forEach((state) => {
      if (alive(state) && isNameWithPeriod(state.text)) remove(state, 'a name with a period (image caption or alt text)');
    });
    // What is left that is not text: headings when they lead into a paragraph, else labels and captions.
    states.forEach((state, i) => {
      if (!alive(state) || state.prose || state.item) return;
      const next = states.slice(i + 1).find((other) => alive(other));
      const looksLikeHeading =
        i > firstText &&
        state.words <= HEADING_MAX_WORDS &&
        state.text.length <= 120 &&
        /^[\p{Lu}\p{N}"“‘']/u.test(state.text) &&
        !/[,;:.…]/.test(finalMark(state.text)) &&
        next !== undefined &&
        next.prose;
      if (looksLikeHeading) state.heading = true;
      else remove(state, 'short line without sentence punctuation that leads into no paragraph (label, caption or teaser)');
    });
    const last = states.findLastIndex((state) => alive(state) && (state.prose || state.item));
    states.forEach((state, i) => {
      if (i > last) remove(state, 'after the article’s last paragraph');
    });
  }

  const kept: KeptBlock[] = [];
  const removals: Removal[] = [];
  const meta: MetaFinding[] = [];
  for (const state of states) {
    if (state.meta) meta.push({ line: state.block.line, text: state.text, meta: state.meta });
    if (state.removed !== undefined) {
      removals.push({ place: `${unit} ${state.block.line}`, text: abbreviate(state.block.text), reason: state.removed });
      continue;
    }
    const role = layout === 'structured' ? 'node' : state.heading ? 'heading' : state.item ? 'item' : 'paragraph';
    kept.push({ block: role === 'item' ? { ...state.block, text: state.text } : state.block, role });
  }
  return { ...(title ? { title } : {}), kept, removals, meta };
}

/**
 * A byline printed without "By": one or two name lines right above the date line at `dateIndex`
 * ("Jane Roe" over "Coast Wire", "Jane Roe" over "Health Reporter", "Jane Roe,
 * Coast Wire"), under a headline-shaped line. They are read as the byline, its
 * first name as the author. Returns where the headline is to be looked for above.
 */
function markNameByline(states: State[], dateIndex: number, alive: (state: State | undefined) => state is State, headlineShaped: (state: State) => boolean): number {
  const run: number[] = [];
  let i = dateIndex - 1;
  for (; i >= 0 && run.length < 2; i--) {
    const state = states[i]!;
    if (!alive(state)) continue;
    const nameLine = !/[.!?:;]$/u.test(state.text) && state.text.split(/\s*,\s*/u).every((part) => isNameLike(part));
    if (!nameLine && !(run.length > 0 && isBylineRole(state.text))) break;
    run.unshift(i);
  }
  if (run.length === 0) return dateIndex;
  let above = i;
  while (above >= 0 && !alive(states[above])) above--;
  const headline = states[above];
  if (!headline || !alive(headline) || !headlineShaped(headline)) return dateIndex;
  const author = states[run[0]!]!.text.split(/\s*,\s*/u)[0]!;
  run.forEach((index, k) => {
    const state = states[index]!;
    if (k === 0) state.meta = { kind: 'byline', author };
    state.removed ??= k === 0 ? META_REASONS.byline : 'byline (the writer’s role or outlet)';
  });
  return run[0]!;
}

/** List items are at most this many words long. */
export const ITEM_MAX_WORDS = 25;

/**
 * A list of the article: short lines right after a paragraph that ends with a colon ("The council
 * has opened two rest centres:"), up to the next blank line or the next sentence.
 */
function markListItems(states: State[], alive: (state: State | undefined) => state is State): void {
  states.forEach((state, i) => {
    if (!alive(state) || !state.prose || finalMark(state.text) !== ':') return;
    let group: number | undefined;
    for (let j = i + 1; j < states.length; j++) {
      const item = states[j]!;
      if (item.prose || item.trailer || item.words > ITEM_MAX_WORDS) break;
      // Items share one group; when each sits in its own, the list ends with the first paragraph.
      if (group !== undefined && item.block.group !== group && states[j - 1]!.block.group === group) break;
      group = item.block.group;
      if (alive(item)) item.item = true;
    }
  });
}

/** Menus and teaser cards: short lines without sentence punctuation, several in a row. */
function removeShortRuns(states: State[], alive: (state: State | undefined) => state is State): void {
  let start = 0;
  while (start < states.length) {
    if (states[start]!.prose || states[start]!.trailer || states[start]!.item) {
      start++;
      continue;
    }
    let end = start + 1;
    while (end < states.length && !states[end]!.prose && !states[end]!.trailer && !states[end]!.item) end++;
    // Lines already removed (a caption under a heading) join a run but do not make one.
    const run = states.slice(start, end).filter((state) => alive(state));
    const groups = new Set(run.map((state) => state.block.group));
    const largestGroup = Math.max(0, ...[...groups].map((group) => run.filter((state) => state.block.group === group).length));
    if (largestGroup >= RUN_IN_GROUP || run.length >= RUN_ACROSS_GROUPS) {
      for (const state of run) state.removed = `menu or teaser: ${run.length} short lines without sentence punctuation in a row`;
    }
    start = end;
  }
}

const RELATIVE_TIME = /^(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$|^(?:just\s+now|yesterday|today)$/i;
/** Words of a user name in a comment header. */
const COMMENT_NAME_WORDS = 4;

/**
 * Comment headers: two or more short lines (at most four words each) that open a group, one of them
 * a date or "2 hours ago" — a user name, a date, a reply count. The comment itself may follow in the
 * same group or the next. Returns the index of each header's first line.
 */
function commentHeaders(states: State[]): number[] {
  const starts: number[] = [];
  states.forEach((state, i) => {
    if (i > 0 && states[i - 1]!.block.group === state.block.group) return;
    let end = i;
    while (end < states.length && states[end]!.block.group === state.block.group && (states[end]!.words <= COMMENT_NAME_WORDS || isDateLine(states[end]!.meta))) end++;
    const header = states.slice(i, end);
    if (header.length >= 2 && header.some((line) => isDateLine(line.meta) || RELATIVE_TIME.test(line.text))) starts.push(i);
  });
  return starts;
}
