import { stringify } from 'yaml';
import type { ArticleFrontmatter } from '../schema.ts';

/**
 * Writes an imported article as a content file: YAML frontmatter, a blank line, the Markdown body.
 * A field whose value a person should check carries a comment saying why.
 */

export type ImportedFrontmatter = Omit<ArticleFrontmatter, 'id' | 'language' | 'updated'> & {
  updated: Array<{ at: string }>;
  language?: string;
};

export type FieldNotes = Partial<Record<keyof ImportedFrontmatter, string>>;

const ORDER: Array<keyof ImportedFrontmatter> = ['title', 'outlet', 'url', 'published', 'updated', 'author', 'language'];

export function toContentFile(frontmatter: ImportedFrontmatter, body: string, notes: FieldNotes = {}): string {
  const lines: string[] = ['---'];
  for (const key of ORDER) {
    const value = frontmatter[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const note = notes[key];
    if (note) lines.push(...note.split('\n').map((line) => `# ${line}`));
    lines.push(stringify({ [key]: value }, { lineWidth: 0 }).trimEnd());
  }
  lines.push('---', '', body.trimEnd(), '');
  return lines.join('\n');
}
