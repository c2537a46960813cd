import { createHash } from 'node:crypto';

/**
 * A digest of everything one page shows, for Astro's incremental build (`cacheKey` in
 * `getStaticPaths`): a page whose key and code are as in the last build is copied from it rather
 * than rendered again. The key must cover all the data the page prints, so it is made from the
 * very values the page renders from; values that JSON cannot show faithfully (maps, sets,
 * functions) are refused rather than hashed as `{}` or left out, which would keep a stale page.
 */
export function pageKey(shown: unknown): string {
  const json = JSON.stringify(shown, (key, value: unknown) => {
    if (value instanceof Map || value instanceof Set || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new TypeError(`pageKey: "${key}" is a ${value instanceof Map ? 'Map' : value instanceof Set ? 'Set' : typeof value}, which JSON does not show; pass plain data`);
    }
    return value;
  });
  return createHash('sha256').update(json ?? 'undefined').digest('base64url');
}
