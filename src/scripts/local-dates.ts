/**
 * Shows the dates of `<time datetime>` elements in the reader's own locale and, for instants with
 * a known zone, in the reader's time zone. A date keeps its precision: a month stays a month and a
 * year is left alone; a clock time whose zone the source does not state is shown as stated, with
 * that said. The server-rendered text ("22 March 2019") stays as the tooltip and is what readers
 * without JavaScript see.
 */

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

function localText(datetime: string, locale: string | undefined): string | undefined {
  const match = ISO.exec(datetime);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, , zone] = match;
  if (!month) return undefined;
  const y = Number(year);
  const m = Number(month) - 1;
  if (!day) return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m, 1));
  const d = Number(day);
  if (!hour) return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m, d));
  if (!zone) {
    const stated = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
    return `${stated.format(Date.UTC(y, m, d, Number(hour), Number(minute)))} (time zone not stated)`;
  }
  const instant = Date.parse(datetime);
  if (Number.isNaN(instant)) return undefined;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(instant);
}

function localizeDates(root: ParentNode): void {
  const locale = navigator.languages?.[0] ?? navigator.language;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat(locale).resolvedOptions().locale;
  } catch {
    return;
  }
  for (const element of root.querySelectorAll<HTMLTimeElement>('time[datetime]:not([data-localized])')) {
    const text = localText(element.dateTime, resolved);
    if (!text) continue;
    const original = element.textContent?.trim() ?? '';
    element.title = original;
    element.lang = resolved;
    element.textContent = element.hasAttribute('data-approximate') ? `about ${text}` : text;
    element.setAttribute('data-localized', '');
  }
}

localizeDates(document);

// A module, so that its top-level names stay its own.
export {};
