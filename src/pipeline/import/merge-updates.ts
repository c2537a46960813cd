import type { StatedDate } from './types.ts';

/**
 * The revisions of an article, oldest first: those its update markers state (which `:::update`
 * blocks name, so they are kept as written) and those its metadata states, unless a marker already
 * states the same revision (`2024-05-10T16:20` and `2024-05-10T16:20+02:00` are one revision).
 */
export function mergeUpdates(markers: readonly StatedDate[], others: readonly StatedDate[]): StatedDate[] {
  const agree = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
  const merged = [...markers];
  for (const other of others) {
    if (!merged.some((item) => agree(item.value, other.value))) merged.push(other);
  }
  return merged.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
