import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * What article HTML may contain: GitHub's allow-list (no scripts, styles, frames, event handlers
 * or javascript: URLs), plus the revision sections and labels that Markdown revision blocks produce.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'section', 'time'],
  attributes: {
    ...defaultSchema.attributes,
    section: [...(defaultSchema.attributes?.['section'] ?? []), ['className', 'revision'], 'dataRevision'],
    p: [...(defaultSchema.attributes?.['p'] ?? []), ['className', 'revision-label'], 'dataNoSentences'],
    time: ['dateTime'],
  },
};
