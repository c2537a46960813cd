import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import type { TimelineMemo } from '../pipeline/build-incident.ts';
import type { TimelineEvent } from '../pipeline/types.ts';

/** Changes whenever what the kept file holds changes meaning. */
const FORMAT = 'parallax-timeline/1';

interface Kept {
  key: string;
  events: TimelineEvent[];
}

/**
 * The deduplicated timeline of the last build, kept in `file` with a digest of everything it was
 * merged from: the pipeline's code (`pipeline`, its fingerprint), the actors, and every report with
 * its tokens. A build whose reports are all as before (an article's wording fixed, a sentence
 * added that dates nothing and reports no happening) takes the kept timeline instead of merging
 * again; any other change merges anew and keeps the new one. A file that cannot be read or written
 * costs a merge, never a build.
 */
export function timelineMemo(file: string, pipeline: string): TimelineMemo {
  return (input, merge) => {
    const key = createHash('sha256').update(FORMAT).update('\0').update(pipeline).update('\0').update(JSON.stringify(input)).digest('base64url');
    try {
      const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<Kept>;
      if (kept.key === key && Array.isArray(kept.events)) return kept.events;
    } catch {
      // None kept yet, or not readable: merge.
    }
    const events = merge();
    // Named by thread as well: a merge on a worker thread (merge-ahead-thread.ts) may write it at the same time.
    const temporary = `${file}.${process.pid}.${threadId}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify({ key, events } satisfies Kept));
      renameSync(temporary, file);
    } catch {
      rmSync(temporary, { force: true });
    }
    return events;
  };
}
