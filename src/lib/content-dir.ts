import path from 'node:path';

/** The content folder this build reads: `PARALLAX_CONTENT` or `./content`. */
export function contentDir(): string {
  return path.resolve(process.env['PARALLAX_CONTENT'] || 'content');
}
