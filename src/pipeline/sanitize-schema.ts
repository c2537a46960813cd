import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * What article HTML may contain: GitHub's allow-list (no scripts, styles, frames, event handlers
 * or javascript: URLs), plus the revision sections and labels that Markdown revision blocks produce.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // A browser never shows the content of a style element; unwrapped, it would read as article text.
  strip: [...(defaultSchema.strip ?? []), 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'section', 'time'],
  attributes: {
    ...defaultSchema.attributes,
    // One className entry per element: the sanitizer reads only the first, so GitHub's `footnotes` would hide `revision`.
    section: ['dataFootnotes', ['className', 'footnotes', 'revision'], 'dataRevision'],
    p: [...(defaultSchema.attributes?.['p'] ?? []), ['className', 'revision-label'], 'dataNoSentences'],
    time: ['dateTime'],
  },
};
