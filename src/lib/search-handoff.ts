/**
 * Hands what the search index needs from the pages being rendered to the search index being built
 * in the same process. The index (src/integrations/pagefind.ts) starts with the build and offers a
 * receiver under a registered symbol. The site gives its records as soon as the incident is merged,
 * so Pagefind indexes them on another core while the pages render instead of after; and it gives
 * the keys of the pages the index will read (see `pageKey`) as soon as it has them, so that a part
 * of the index holding a page that will change is started then, not once the pages are written.
 * Outside a build (`astro dev`, tests) nobody listens and nothing happens.
 */
import type { IndexedIds, SearchRecord } from './search-records.ts';

const RECEIVER = Symbol.for('parallax.search-records');

/**
 * What the site gives the index: its records with the ids the index records for elements of its
 * pages (see `claimAnchorIds`), or the keys of pages the index reads, as [address, key] pairs.
 */
export type SearchOffer = { records: SearchRecord[]; indexedIds: IndexedIds } | { pageKeys: Array<readonly [url: string, key: string]> };

type Receiver = (offer: SearchOffer) => void;

function receiver(): Receiver | undefined {
  const found = (globalThis as Record<symbol, unknown>)[RECEIVER];
  return typeof found === 'function' ? (found as Receiver) : undefined;
}

/** Offers records, and the ids the index records for elements of the pages, to the index under construction; returns whether one was listening. */
export function offerSearchRecords(records: () => SearchRecord[], indexedIds: () => IndexedIds = () => []): boolean {
  const receive = receiver();
  receive?.({ records: records(), indexedIds: indexedIds() });
  return receive !== undefined;
}

/**
 * Offers the keys of pages the index reads, by the address the index gives each page. A key must
 * change whenever what the page shows changes; the index compares it with the last build's only
 * to start work early, and still reads every page it indexes. Returns whether an index was listening.
 */
export function offerSearchPageKeys(pageKeys: () => Array<readonly [url: string, key: string]>): boolean {
  const receive = receiver();
  receive?.({ pageKeys: pageKeys() });
  return receive !== undefined;
}

/** Listens for records and page keys until the returned function is called. */
export function listenForSearchRecords(receive: Receiver): () => void {
  (globalThis as Record<symbol, unknown>)[RECEIVER] = receive;
  return () => {
    delete (globalThis as Record<symbol, unknown>)[RECEIVER];
  };
}
