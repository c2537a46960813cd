import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import buildPhases, { phaseDurations, type PhaseMark } from '../bench/build-phases.ts';

type Hook = () => void;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runHooks(file: string | undefined): void {
  const hooks = buildPhases(file).hooks as Record<string, Hook>;
  for (const name of ['astro:config:done', 'astro:build:start', 'astro:build:generated', 'astro:build:done']) hooks[name]!();
}

describe('build phases', () => {
  it('gives each stage its own share, from the end of the one before', () => {
    const marks: PhaseMark[] = [
      { stage: 'start', ms: 700, cpuMs: 900 },
      { stage: 'content', ms: 4_700, cpuMs: 8_400 },
      { stage: 'pages', ms: 8_000, cpuMs: 12_900 },
      { stage: 'after pages', ms: 10_000, cpuMs: 13_700 },
    ];
    expect(phaseDurations(marks)).toEqual([
      { stage: 'start', ms: 700, cpuMs: 900 },
      { stage: 'content', ms: 4_000, cpuMs: 7_500 },
      { stage: 'pages', ms: 3_300, cpuMs: 4_500 },
      { stage: 'after pages', ms: 2_000, cpuMs: 800 },
    ]);
  });

  it('leaves out a stage the build did not reach, and counts the next from the last one reached', () => {
    const marks: PhaseMark[] = [
      { stage: 'pages', ms: 9_000, cpuMs: 10_000 },
      { stage: 'start', ms: 1_000, cpuMs: 1_500 },
    ];
    expect(phaseDurations(marks)).toEqual([
      { stage: 'start', ms: 1_000, cpuMs: 1_500 },
      { stage: 'pages', ms: 8_000, cpuMs: 8_500 },
    ]);
  });

  it('writes every stage, in order, when the build is done', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parallax-phases-'));
    dirs.push(dir);
    const file = path.join(dir, 'phases.json');
    runHooks(file);
    const marks = JSON.parse(readFileSync(file, 'utf8')) as PhaseMark[];
    expect(marks.map((mark) => mark.stage)).toEqual(['start', 'content', 'pages', 'after pages']);
    for (const [i, mark] of marks.entries()) {
      expect(mark.ms).toBeGreaterThan(0);
      expect(mark.ms).toBeGreaterThanOrEqual(marks[i - 1]?.ms ?? 0);
      expect(mark.cpuMs).toBeGreaterThanOrEqual(marks[i - 1]?.cpuMs ?? 0);
    }
  });

  it('does nothing without a file to write to', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parallax-phases-'));
    dirs.push(dir);
    const before = process.cwd();
    process.chdir(dir);
    try {
      runHooks(undefined);
      runHooks('');
    } finally {
      process.chdir(before);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
