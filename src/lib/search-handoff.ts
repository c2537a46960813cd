/**
 * Hands the search records from the pages being rendered to the search index being built in the
 * same process. The index (src/integrations/pagefind.ts) starts with the build and offers a
 * receiver under a registered symbol; the site gives its records as soon as the incident is
 * merged, so Pagefind indexes them on another core while the pages render instead of after.
 * Outside a build (`astro dev`, tests) nobody listens and nothing happens.
 */
import type { SearchRecord } from './search-records.ts';

const RECEIVER = Symbol.for('parallax.search-records');

type Receiver = (records: SearchRecord[]) => void;

/** Offers records to the index under construction; returns whether one was listening. */
export function offerSearchRecords(records: () => SearchRecord[]): boolean {
  const receiver = (globalThis as Record<symbol, unknown>)[RECEIVER];
  if (typeof receiver !== 'function') return false;
  (receiver as Receiver)(records());
  return true;
}

/** Listens for records until the returned function is called. */
export function listenForSearchRecords(receive: Receiver): () => void {
  (globalThis as Record<symbol, unknown>)[RECEIVER] = receive;
  return () => {
    delete (globalThis as Record<symbol, unknown>)[RECEIVER];
  };
}
