import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [path.resolve('src/cli', script), ...args], { encoding: 'utf8' });

function folder(articles: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-cli-'));
  mkdirSync(path.join(dir, 'articles'));
  writeFileSync(path.join(dir, 'incident.yaml'), 'title: A bridge closes\nsummary: A river bridge was closed for repairs.\n');
  for (const [name, text] of Object.entries(articles)) writeFileSync(path.join(dir, 'articles', name), text);
  return dir;
}

const story = `---
title: Bridge closed
outlet: Valley Herald
published: 2024-05-10T09:00+02:00
---
The city closed the Elm Street bridge on Thursday after inspectors found cracks. Repairs began in April 2024, the council said.
`;

describe('timeline CLI', () => {
  test('prints the incident JSON of any content folder', () => {
    const result = run('timeline.ts', [folder({ 'valley-herald.md': story }), '--json']);
    expect(result.status).toBe(0);
    const incident = JSON.parse(result.stdout);
    expect(incident.incident.title).toBe('A bridge closes');
    expect(incident.sources).toEqual([expect.objectContaining({ id: 'valley-herald', outlet: 'Valley Herald', published: '2024-05-10T09:00+02:00', url: null })]);
    const dates = incident.events.map((event: { date: string }) => event.date);
    expect(dates).toContain('2024-05-09');
    expect(dates).toContain('2024-04');
    for (const event of incident.events) {
      for (const mention of event.mentions) expect(mention).toMatchObject({ source: 'valley-herald', anchor: expect.stringMatching(/^s-/), text: expect.any(String) });
    }
    expect(incident).toHaveProperty('claims');
    expect(incident).toHaveProperty('quotes');
  });

  test('exits non-zero with a message naming the file and field on invalid input', () => {
    const dir = folder({ 'bad.md': '---\ntitle: Bridge closed\npublished: 2024-05-10\n---\nText.\n' });
    const result = run('timeline.ts', [dir, '--json']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${path.join(dir, 'articles', 'bad.md')}: \`outlet\` is required`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('exits with usage on missing arguments', () => {
    const result = run('timeline.ts', []);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run --silent timeline');
  });

  test('check-content reports an unresolvable date with its rule and line', () => {
    const dir = folder({ 'a.md': '---\ntitle: T\noutlet: O\npublished: unknown\n---\nThe bridge closed yesterday.\n' });
    const result = run('check-content.ts', [dir]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/6:1\s+warning\s+“yesterday” cannot be dated.*unresolved-date\s+parallax/);
  });
});
