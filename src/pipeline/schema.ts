import { z } from 'zod';

/**
 * The data contract of the content folder: frontmatter of `articles/*.md` and `incident.yaml`.
 * One schema, shared by the Astro content collection, the CLI and the tests.
 */

const DATE_FORMS = 'a date such as 2019-03-22, 2019-03, 2019, or a time such as 2019-03-22T08:35 or 2019-03-22T08:35+05:30';
const DATE_PATTERN = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;

function isRealDate(value: string): boolean {
  // The pattern admits 2019-02-30 or 25:00; the calendar does not.
  const [datePart = '', timePart] = value.split('T');
  const [y = 0, m = 1, d = 1] = datePart.split('-').map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return false;
  if (timePart) {
    const [h = 0, min = 0] = timePart.slice(0, 5).split(':').map(Number);
    if (h > 23 || min > 59) return false;
    const offset = /([+-])(\d{2}):(\d{2})$/.exec(timePart);
    if (offset && (Number(offset[2]) > 14 || Number(offset[3]) > 59)) return false;
  }
  return true;
}

/** A calendar date or instant, as precise as the source states it. YAML may give a bare year as a number. */
export const dateValueSchema = z
  .union([z.string(), z.number().int()], { error: `expected ${DATE_FORMS}` })
  .transform((value) => String(value).trim())
  .refine((value) => DATE_PATTERN.test(value) && isRealDate(value), {
    error: (issue) => `expected ${DATE_FORMS}; got ${JSON.stringify(issue.input)}`,
  });

/** A day (YYYY-MM-DD) used as a bound of an uncertain date. */
const boundSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value), {
    error: (issue) => `expected a day such as 2019-03-21; got ${JSON.stringify(issue.input)}`,
  });

/**
 * When an article was published: a date at the precision the page states it,
 * a range `{ after, before }` when only bounds are known, or `unknown`.
 */
export const publishedSchema = z.union(
  [
    z.literal('unknown'),
    dateValueSchema,
    z
      .strictObject({
        /** The earliest day the article can have appeared. */
        after: boundSchema.optional(),
        /** The latest day the article can have appeared. */
        before: boundSchema.optional(),
      })
      .refine((range) => range.after !== undefined || range.before !== undefined, {
        error: 'a range needs `after`, `before` or both',
      })
      .refine((range) => !range.after || !range.before || range.after <= range.before, {
        error: '`after` must not be later than `before`',
      }),
  ],
  {
    error: (issue) =>
      issue.input === undefined
        ? `is required: ${DATE_FORMS}, a range { after: 2019-03-21, before: 2019-03-31 }, or unknown`
        : `expected ${DATE_FORMS}, a range { after: 2019-03-21, before: 2019-03-31 }, or unknown; got ${JSON.stringify(issue.input)}`,
  },
);

/** A revision the article states ("Update, March 22, 2019 (1:50AM): …"). */
export const updateSchema = z.strictObject({
  /** When the revision was made, as precise as the article states it. */
  at: dateValueSchema,
  /** What the revision changed, in a few words. */
  note: z.string().optional(),
});

const nonEmpty = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `is required: ${what}` : `expected text: ${what}`) }).trim().min(1, { error: `must not be empty: ${what}` });

/** Frontmatter of `content/articles/<id>.md`. */
export const articleSchema = z.strictObject({
  /** Overrides the id taken from the file name (lowercase letters, digits and dashes). */
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected lowercase letters, digits and single dashes, such as bbc-news' })
    .optional(),
  /** The article's headline. */
  title: nonEmpty('the headline of the article'),
  /** The publication's name as readers know it. */
  outlet: nonEmpty('the name of the publication, such as "The Guardian"'),
  /** The original article's address; omit it when unknown, never invent it. */
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) address such as https://example.com/story' }).optional(),
  /** When the article was first published. */
  published: publishedSchema,
  /** Revisions the article states, oldest first. */
  updated: z.array(updateSchema, { error: 'expected a list of { at, note } entries' }).default([]),
  /** The byline. */
  author: z.string().optional(),
  /** BCP 47 language tag of the article text. */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'expected a language tag such as en or pt-BR' }).default('en'),
});

export type ArticleFrontmatter = z.infer<typeof articleSchema>;
export type PublishedValue = ArticleFrontmatter['published'];

/** A stable id, in URLs and the incident JSON; `example` shows one in the error. */
const idSchema = (example: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required: a stable id such as ${example}` : 'expected text') })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: `expected lowercase letters, digits and single dashes, such as ${example}` });

/** One comparison topic: a row of the comparison view. */
export const topicSchema = z.strictObject({
  /** Stable id, used in URLs and the incident JSON. */
  id: idSchema('cause or who-is-to-blame'),
  /** The question the topic answers; a yes-or-no question lets stances be read. */
  question: nonEmpty('the question this topic answers'),
  /** Words and phrases that signal the topic. */
  cues: z.array(z.string().trim().min(1), { error: 'expected a list of words or phrases' }).min(1, { error: 'needs at least one cue' }),
});

/** Names that refer to one party. */
export const actorSchema = z.strictObject({
  id: idSchema('jane-doe (the name in lowercase, with dashes)'),
  name: nonEmpty('the name of the party'),
  aliases: z.array(z.string().trim().min(1)).default([]),
});

/** `content/incident.yaml`. */
export const incidentSchema = z.strictObject({
  title: nonEmpty('the incident in one line'),
  summary: nonEmpty('a neutral summary of the incident'),
  topics: z.array(topicSchema).default([]),
  actors: z.array(actorSchema).default([]),
});

export type IncidentFile = z.infer<typeof incidentSchema>;
