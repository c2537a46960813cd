import { publishedSchema, type PublishedValue } from '../schema.ts';

/**
 * The `--published` option: any form of the `published` field — `unknown`, `2019-03-22`,
 * `2019-03-22T12:17+05:30`, … — and a range written `2019-03-21..2019-12-31` (either end may be
 * left out: `2019-03-21..`, `..2019-12-31`).
 */
export function parsePublishedOption(raw: string): { value: PublishedValue } | { error: string } {
  const text = raw.trim();
  const range = /^(\S*)\.\.(\S*)$/.exec(text);
  const candidate = range ? { ...(range[1] ? { after: range[1] } : {}), ...(range[2] ? { before: range[2] } : {}) } : text;
  const result = publishedSchema.safeParse(candidate);
  if (result.success) return { value: result.data };
  return { error: `--published ${result.error.issues[0]?.message ?? 'is not a date'}; a range is written 2019-03-21..2019-12-31` };
}
