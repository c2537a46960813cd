import { afterAll, describe, expect, test } from 'vitest';
import { localIndexer, threadIndexer, type SearchIndexer } from '../../src/integrations/search-indexer-thread.ts';

const records = Array.from({ length: 40 }, (_, i) => ({
  url: `/sources/outlet-${i % 7}/#s-${i}`,
  content: `Sentence ${i}: the regulator said the data of ${i * 13} phones went to a server abroad.`,
  language: 'en',
  filters: { kind: ['Claim'], outlet: [`Outlet ${i % 7}`] },
}));
const page = {
  url: '/sources/outlet-1/',
  content: '<html lang="en"><head><title>Outlet 1</title></head><body><main data-pagefind-body><h1>Outlet 1</h1><p>Phones sent their activation data abroad.</p></main></body></html>',
};

async function bundle(indexer: SearchIndexer) {
  const created = await indexer.createIndex({ maxFragments: 8 });
  expect(created.errors).toEqual([]);
  const index = created.index!;
  for (const record of records) expect((await index.addCustomRecord(record)).errors).toEqual([]);
  expect((await index.addHTMLFile(page)).errors).toEqual([]);
  const { errors, files } = await index.getFiles();
  expect(errors).toEqual([]);
  return files.map((file) => ({ path: file.path, content: Buffer.from(file.content).toString('base64') })).sort((a, b) => a.path.localeCompare(b.path));
}

const thread = threadIndexer();
afterAll(async () => {
  await Promise.all([localIndexer.close(), thread.close()]);
});

describe('the indexer thread', () => {
  test('builds, byte for byte, the bundle this thread builds from the same pages and records', async () => {
    const [here, there] = await Promise.all([bundle(localIndexer), bundle(thread)]);
    expect(here.length).toBeGreaterThan(5);
    // Grouped fragments: at most 8 fragment files for 41 results.
    expect(here.filter((file) => file.path.startsWith('fragment/')).length).toBeLessThanOrEqual(8);
    expect(there).toEqual(here);
  });

  test('a request after the thread stopped fails and says so', async () => {
    const stopped = threadIndexer();
    await stopped.close();
    await expect(stopped.createIndex({})).rejects.toThrow(/search indexer thread (exited|stopped)/u);
  });
});
