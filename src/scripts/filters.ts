/**
 * Narrows the page to the outlet and topic chosen in its filter form and keeps the choice in the
 * address (`?outlet=…&topic=…`), so a filtered view can be shared and survives a reload. The
 * markup contract is described in src/components/FilterForm.astro.
 */

const AXES = ['outlet', 'topic'] as const;
type Axis = (typeof AXES)[number];
type Choice = Record<Axis, string>;

const ATTRIBUTE: Record<Axis, string> = { outlet: 'data-filter-outlets', topic: 'data-filter-topics' };

function keysOf(element: Element, axis: Axis): string[] | undefined {
  const value = element.getAttribute(ATTRIBUTE[axis]);
  return value === null ? undefined : value.split(/\s+/).filter(Boolean);
}

/** An element passes unless it is tagged on an axis and lacks the chosen key. */
function passes(element: Element, choice: Choice): boolean {
  return AXES.every((axis) => {
    const keys = keysOf(element, axis);
    return !choice[axis] || keys === undefined || keys.includes(choice[axis]);
  });
}

function statusText(choice: Choice): string {
  const counts = new Map<string, { shown: number; total: number }>();
  for (const element of document.querySelectorAll<HTMLElement>('[data-filter-count]')) {
    const noun = element.dataset['filterCount'] ?? '';
    const count = counts.get(noun) ?? { shown: 0, total: 0 };
    count.total += 1;
    if (!element.hidden) count.shown += 1;
    counts.set(noun, count);
  }
  const parts = [...counts].map(([noun, { shown, total }]) => {
    const [one = noun, many = noun] = noun.split('|');
    return `${shown} of ${total} ${total === 1 ? one : many}`;
  });
  if (!choice.outlet && !choice.topic) return '';
  return `Showing ${parts.join(' and ')}.`;
}

function start(): void {
  const form = document.querySelector<HTMLElement>('[data-filter-form]');
  if (!form) return;
  const selects = new Map<Axis, HTMLSelectElement>();
  for (const axis of AXES) {
    const select = form.querySelector<HTMLSelectElement>(`select[name="${axis}"]`);
    if (select) selects.set(axis, select);
  }
  const status = form.querySelector<HTMLElement>('[data-filter-status]');
  const items = [...document.querySelectorAll<HTMLElement>(AXES.map((axis) => `[${ATTRIBUTE[axis]}]`).join(','))];
  const groups = [...document.querySelectorAll<HTMLElement>('[data-filter-group]')];

  const current = (): Choice => ({ outlet: selects.get('outlet')?.value ?? '', topic: selects.get('topic')?.value ?? '' });

  const apply = (choice: Choice) => {
    for (const item of items) item.hidden = !passes(item, choice);
    for (const group of groups) {
      const members = items.filter((item) => group.contains(item));
      group.hidden = members.length > 0 && members.every((item) => item.hidden);
    }
    if (status) status.textContent = statusText(choice);
  };

  const remember = (choice: Choice) => {
    const url = new URL(location.href);
    for (const axis of AXES) {
      if (choice[axis]) url.searchParams.set(axis, choice[axis]);
      else url.searchParams.delete(axis);
    }
    history.replaceState(history.state, '', url);
  };

  const params = new URLSearchParams(location.search);
  for (const [axis, select] of selects) {
    const wanted = params.get(axis) ?? '';
    // A key the page does not offer (an old link, a typo) shows everything rather than nothing.
    select.value = [...select.options].some((option) => option.value === wanted) ? wanted : '';
  }
  form.hidden = false;
  apply(current());

  form.addEventListener('change', () => {
    const choice = current();
    apply(choice);
    remember(choice);
  });
  form.querySelector('[data-filter-clear]')?.addEventListener('click', () => {
    for (const select of selects.values()) select.value = '';
    const choice = current();
    apply(choice);
    remember(choice);
  });
}

start();

// A module, so that its top-level names stay its own.
export {};
