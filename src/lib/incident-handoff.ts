/**
 * Hands the merged incident from the pages being rendered to the integration that writes
 * `incident.json` (src/integrations/incident-file.ts), in the same process. The integration listens
 * under a registered symbol from the start of a build; the site gives the incident as soon as it is
 * merged. Outside a build (`astro dev`, tests) nobody listens and nothing happens.
 */
import type { IncidentJson } from '../pipeline/build-incident.ts';

const RECEIVER = Symbol.for('parallax.incident-file');

type Receiver = (incident: IncidentJson) => void;

/** Gives the merged incident to the listening integration; returns whether one was listening. */
export function offerIncident(incident: IncidentJson): boolean {
  const found = (globalThis as Record<symbol, unknown>)[RECEIVER];
  if (typeof found !== 'function') return false;
  (found as Receiver)(incident);
  return true;
}

/** Listens for the incident until the returned function is called. */
export function listenForIncident(receive: Receiver): () => void {
  (globalThis as Record<symbol, unknown>)[RECEIVER] = receive;
  return () => {
    if ((globalThis as Record<symbol, unknown>)[RECEIVER] === receive) delete (globalThis as Record<symbol, unknown>)[RECEIVER];
  };
}
