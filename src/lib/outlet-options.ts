import { outletKey } from './outlet-key.ts';

/** The outlets a filter offers: one choice per outlet however many articles it has, by name. */
export function outletOptions(outlets: readonly string[]): Array<{ key: string; label: string }> {
  return [...new Map(outlets.map((outlet) => [outletKey(outlet), outlet]))]
    .map(([key, label]) => ({ key, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
