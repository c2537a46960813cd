/**
 * Where a benchmarked build's time goes: an integration, last in the list, that notes when Astro
 * reaches each stage of a build, in wall time since the process started and in CPU time of the
 * process (all its threads; not the child processes it starts, such as Pagefind's). With
 * `BENCH_PHASES_FILE` set, it writes them there as JSON when the build is done; otherwise it does
 * nothing.
 *
 * The stages, each ending where the next begins: `start` (Node and Astro start, the configuration
 * is read), `content` (the content layer loads the articles: Parallax's pipeline), `pages` (the
 * pages are bundled and rendered), `after pages` (the integrations' `astro:build:done`: the search
 * index, the sitemap, incident.json). Hooks of all integrations before it run first, in order.
 */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

/** A stage's end, since the process started: wall and CPU milliseconds. */
export interface PhaseMark {
  stage: PhaseName;
  ms: number;
  cpuMs: number;
}

export const PHASES = ['start', 'content', 'pages', 'after pages'] as const;
export type PhaseName = (typeof PHASES)[number];

function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

export default function buildPhases(file = process.env['BENCH_PHASES_FILE']): AstroIntegration {
  const marks: PhaseMark[] = [];
  const mark = (stage: PhaseName) => {
    if (file) marks.push({ stage, ms: performance.now(), cpuMs: cpuMs() });
  };
  return {
    name: 'bench-build-phases',
    hooks: {
      'astro:config:done': () => mark('start'),
      'astro:build:start': () => mark('content'),
      'astro:build:generated': () => mark('pages'),
      'astro:build:done': () => {
        mark('after pages');
        if (file) writeFileSync(file, JSON.stringify(marks));
      },
    },
  };
}

/** Each stage's own wall and CPU milliseconds, from the marks a build wrote; stages it did not reach are left out. */
export function phaseDurations(marks: readonly PhaseMark[]): Array<{ stage: PhaseName; ms: number; cpuMs: number }> {
  let before = { ms: 0, cpuMs: 0 };
  return PHASES.flatMap((stage) => {
    const end = marks.find((m) => m.stage === stage);
    if (!end) return [];
    const span = { stage, ms: end.ms - before.ms, cpuMs: end.cpuMs - before.cpuMs };
    before = end;
    return [span];
  });
}
