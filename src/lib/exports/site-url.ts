/** Where the exports point readers: absolute addresses, since a file leaves the site it came from. */
export interface ExportOptions {
  /** The site's origin and base, e.g. `https://example.org/`. */
  site: URL | string;
  /** Where a timeline entry is, as a site path with its anchor (`/timeline/2/#e-1`). @default `/#<id>` */
  eventHref?: (eventId: string) => string;
}

export function siteUrl(site: URL | string, path: string): string {
  return new URL(path.replace(/^\/+/, ''), new URL(site).href.replace(/\/?$/, '/')).href;
}

export function sentenceUrl(site: URL | string, source: string, anchor: string): string {
  return siteUrl(site, `sources/${encodeURIComponent(source)}/#${encodeURIComponent(anchor)}`);
}

export function eventUrl(options: ExportOptions, eventId: string): string {
  return siteUrl(options.site, options.eventHref?.(eventId) ?? `#${encodeURIComponent(eventId)}`);
}
