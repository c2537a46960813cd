import { slugify } from '../read-content.ts';

/**
 * The id of an imported article: a slug of the outlet (or of the file name when the outlet is
 * unknown), unique in the output folder. The same article imported again — same `url`, or the same
 * title when either has no `url` — gets its earlier id back, so that re-importing replaces the file
 * (with --force) instead of adding a copy; a different article of the same outlet gets `-2`, `-3`, ….
 */

export interface ExistingArticle {
  id: string;
  /** The file that holds it. */
  file: string;
  url?: string;
  title?: string;
}

export interface ChosenId {
  id: string;
  /** The existing file that holds the same article, which writing this id would replace. */
  replaces?: ExistingArticle;
}

function sameArticle(existing: ExistingArticle, article: { url?: string; title?: string }): boolean {
  if (existing.url && article.url) return existing.url === article.url;
  return existing.title !== undefined && existing.title === article.title;
}

export function chooseId(name: string, article: { url?: string; title?: string }, existing: readonly ExistingArticle[], taken: ReadonlySet<string> = new Set()): ChosenId {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    const holder = existing.find((item) => item.id === id);
    if (holder && sameArticle(holder, article) && !taken.has(id)) return { id, replaces: holder };
    if (!holder && !taken.has(id)) return { id };
  }
}
