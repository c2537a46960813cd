/**
 * A second Pagefind indexer, in a worker thread. The `pagefind` package runs one indexing process
 * per JavaScript realm, and that process builds one index at a time: the parts of a split index
 * (search-shards.ts) were built one after the other on one core. A worker thread loads its own
 * copy of the package, hence its own process, and builds the parts given to it meanwhile.
 *
 * Requests: `{ id, op, index?, value? }`; each gets `{ id, result }` or `{ id, error }`.
 */
import { parentPort, Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { workerEnv } from '../lib/worker-env.ts';

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

export type IndexerRequest =
  | { id: number; op: 'create'; value: Parameters<typeof pagefind.createIndex>[0] }
  | { id: number; op: 'record'; index: number; value: Parameters<Index['addCustomRecord']>[0] }
  | { id: number; op: 'page'; index: number; value: Parameters<Index['addHTMLFile']>[0] }
  | { id: number; op: 'files'; index: number }
  | { id: number; op: 'close' };

export type IndexerReply = { id: number; result: unknown } | { id: number; error: string };

const indexes = new Map<number, Index>();
let next = 0;

async function handle(request: IndexerRequest): Promise<unknown> {
  switch (request.op) {
    case 'create': {
      const created = await pagefind.createIndex(request.value);
      if (!created.index) return { errors: created.errors };
      indexes.set(++next, created.index);
      return { errors: created.errors, index: next };
    }
    case 'record':
      return indexOf(request.index).addCustomRecord(request.value);
    case 'page':
      return indexOf(request.index).addHTMLFile(request.value);
    case 'files':
      return indexOf(request.index).getFiles();
    case 'close':
      indexes.clear();
      await pagefind.close();
      return {};
  }
}

function indexOf(id: number): Index {
  const index = indexes.get(id);
  if (!index) throw new Error(`No search index ${id} in the indexer thread`);
  return index;
}

parentPort?.on('message', (request: IndexerRequest) => {
  handle(request).then(
    (result) => parentPort?.postMessage({ id: request.id, result } satisfies IndexerReply),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies IndexerReply),
  );
});

/** What the search integration needs of an index, wherever it is built. */
export interface SearchIndex {
  addCustomRecord: (record: Parameters<Index['addCustomRecord']>[0]) => Promise<{ errors: string[] }>;
  addHTMLFile: (page: Parameters<Index['addHTMLFile']>[0]) => Promise<{ errors: string[] }>;
  getFiles: () => Promise<{ errors: string[]; files: Array<{ path: string; content: Uint8Array }> }>;
}

/** Starts and stops indexes: the `pagefind` package of this thread, or the one of a worker thread. */
export interface SearchIndexer {
  createIndex: (config: Parameters<typeof pagefind.createIndex>[0]) => Promise<{ errors: string[]; index?: SearchIndex }>;
  close: () => Promise<void>;
}

/** The indexer of this thread. */
export const localIndexer: SearchIndexer = {
  createIndex: pagefind.createIndex,
  close: async () => {
    await pagefind.close();
  },
};

/** An indexer in a worker thread running this module; its requests fail, naming the reason, if the thread stops. */
export function threadIndexer(): SearchIndexer {
  const worker = new Worker(new URL(import.meta.url), { env: workerEnv() });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let ids = 0;
  let stopped: Error | undefined;
  const stop = (error: Error) => {
    stopped ??= error;
    for (const { reject } of waiting.values()) reject(stopped);
    waiting.clear();
  };
  worker.on('message', (reply: IndexerReply) => {
    const request = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('error' in reply) request?.reject(new Error(`The search indexer thread failed: ${reply.error}`));
    else request?.resolve(reply.result);
  });
  worker.on('error', (error: unknown) => stop(new Error(`The search indexer thread stopped: ${error instanceof Error ? error.message : String(error)}`)));
  worker.on('exit', (code) => stop(new Error(`The search indexer thread exited (code ${code})`)));
  // A request without `id`, as each caller gives it.
  type Ask = IndexerRequest extends infer R ? (R extends IndexerRequest ? Omit<R, 'id'> : never) : never;
  const ask = <T>(request: Ask): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = ++ids;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  return {
    async createIndex(config) {
      const created = await ask<{ errors: string[]; index?: number }>({ op: 'create', value: config });
      const id = created.index;
      if (id === undefined) return { errors: created.errors };
      return {
        errors: created.errors,
        index: {
          addCustomRecord: (record) => ask({ op: 'record', index: id, value: record }),
          addHTMLFile: (page) => ask({ op: 'page', index: id, value: page }),
          getFiles: () => ask({ op: 'files', index: id }),
        },
      };
    },
    async close() {
      if (!stopped) await ask({ op: 'close' }).catch(() => {});
      await worker.terminate();
    },
  };
}
