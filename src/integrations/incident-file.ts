import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listenForIncident } from '../lib/incident-handoff.ts';
import { jsonChunks } from '../lib/json-chunks.ts';
import type { IncidentJson } from '../pipeline/build-incident.ts';

/** About this much text is written at once; in between, the thread does the build's other work. */
const WRITE_SIZE = 256 * 1024;

/** The document `toIncidentJson` makes, written to `file` a piece at a time, by way of a temporary file. */
export async function writeIncidentJson(incident: IncidentJson, file: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    const { incident: definition, sources, events, claims, quotes, citations } = incident;
    for (const chunk of jsonChunks({ incident: definition, sources, events, claims, quotes, citations })) {
      pending.push(chunk);
      size += chunk.length;
      if (size < WRITE_SIZE) continue;
      await handle.write(pending.join(''));
      pending = [];
      size = 0;
    }
    await handle.write(`${pending.join('')}\n`);
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, file);
}

/** The write under way in this process, if any. */
let writing: Promise<void> | undefined;

/**
 * Settles once incident.json is written, for an integration that reads it at the end of the build
 * before this one's turn (which waits for the write); `undefined` when no write has started.
 */
export function incidentFileWritten(): Promise<void> | undefined {
  return writing;
}

/**
 * Writes `incident.json`, everything the site shows as one document, into the built site. The site
 * gives the merged incident while its pages render (`offerIncident`); the document is written once
 * they are, a piece at a time, while the search index is being written by another process, rather
 * than rendered as a page: 8 MB for 1 000 articles, which took a third of a second of the pages'
 * own thread. Integrations listed after the search index's wait for it at the end of the build.
 * `astro dev` serves the same document from a route (`src/routes/incident.json.ts`).
 */
export default function incidentFile(): AstroIntegration {
  let incident: IncidentJson | undefined;
  let stopListening = () => {};
  const start = (dir: URL): Promise<void> => {
    stopListening();
    if (!incident) return Promise.reject(new Error('incident.json: the site did not give the merged incident while its pages rendered, so there is nothing to write'));
    const done = writeIncidentJson(incident, path.join(fileURLToPath(dir), 'incident.json'));
    // A failure shows when the build waits for it.
    done.catch(() => {});
    return done;
  };
  return {
    name: 'parallax-incident-file',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/incident.json', entrypoint: new URL('../routes/incident.json.ts', import.meta.url), prerender: true });
      },
      'astro:build:start': () => {
        incident = undefined;
        writing = undefined;
        stopListening = listenForIncident((given) => {
          incident = given;
        });
      },
      'astro:build:generated': ({ dir }) => {
        writing = start(dir);
      },
      'astro:build:done': async ({ dir }) => {
        try {
          await (writing ?? start(dir));
        } finally {
          writing = undefined;
          incident = undefined;
        }
      },
    },
  };
}
