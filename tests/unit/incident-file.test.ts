import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import incidentFile, { incidentFileWritten, writeIncidentJson } from '../../src/integrations/incident-file.ts';
import { offerIncident } from '../../src/lib/incident-handoff.ts';
import { jsonChunks } from '../../src/lib/json-chunks.ts';
import { toIncidentJson, type IncidentJson } from '../../src/pipeline/build-incident.ts';
import { exportIncident } from '../fixtures/exports/incident.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'parallax-incident-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('jsonChunks', () => {
  test('joined, is what JSON.stringify makes with two spaces, for any object (property)', () => {
    const field = fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.constant(undefined), fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined))));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), field), (value) => {
        expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  test('gives a long list item by item', () => {
    const value = { items: Array.from({ length: 50 }, (_, n) => ({ n, text: `line\n${n}` })), empty: [], nested: { a: [1, { b: 2 }] } };
    const chunks = [...jsonChunks(value)];
    expect(chunks.length).toBeGreaterThan(50);
    expect(chunks.join('')).toBe(JSON.stringify(value, null, 2));
  });
});

describe('writeIncidentJson', () => {
  test('writes what toIncidentJson makes, and leaves no temporary file', async () => {
    const file = path.join(dir, 'incident.json');
    await writeIncidentJson(exportIncident, file);
    expect(readFileSync(file, 'utf8')).toBe(toIncidentJson(exportIncident));
    expect(readdirSync(dir)).toEqual(['incident.json']);
  });

  test('writes a document larger than one write the same way', async () => {
    const claims = Array.from({ length: 4000 }, (_, n) => ({ ...exportIncident.claims[0]!, text: `Claim number ${n}, with “quotes” and a line\nbreak.` }));
    const large: IncidentJson = { ...exportIncident, claims };
    const file = path.join(dir, 'incident.json');
    await writeIncidentJson(large, file);
    expect(readFileSync(file, 'utf8')).toBe(toIncidentJson(large));
  });
});

describe('the incident.json integration', () => {
  type Hooks = AstroIntegration['hooks'];
  const call = async <K extends keyof Hooks>(integration: AstroIntegration, hook: K, params: unknown) => (integration.hooks[hook] as (p: unknown) => unknown)(params);

  test('writes the incident the pages gave once they are written, and the build waits for it', async () => {
    const integration = incidentFile();
    await call(integration, 'astro:build:start', {});
    // Given while the pages render; more fields than the document has are not written.
    expect(offerIncident({ ...exportIncident, builtAt: 'not in the document' } as IncidentJson)).toBe(true);
    const url = pathToFileURL(`${dir}/`);
    await call(integration, 'astro:build:generated', { dir: url });
    await incidentFileWritten();
    await call(integration, 'astro:build:done', { dir: url });
    expect(readFileSync(path.join(dir, 'incident.json'), 'utf8')).toBe(toIncidentJson(exportIncident));
    // Nobody listens once the build is over.
    expect(offerIncident(exportIncident)).toBe(false);
  });

  test('fails the build, saying why, when the pages gave no incident', async () => {
    const integration = incidentFile();
    await call(integration, 'astro:build:start', {});
    const url = pathToFileURL(`${dir}/`);
    await call(integration, 'astro:build:generated', { dir: url });
    await expect(call(integration, 'astro:build:done', { dir: url })).rejects.toThrow(/did not give the merged incident/);
  });

  test('gives astro dev a route for the document, and a build none', async () => {
    for (const command of ['dev', 'build', 'preview'] as const) {
      const injected: unknown[] = [];
      await call(incidentFile(), 'astro:config:setup', { command, injectRoute: (route: unknown) => injected.push(route) });
      expect(injected, command).toEqual(command === 'dev' ? [expect.objectContaining({ pattern: '/incident.json' })] : []);
    }
  });
});
