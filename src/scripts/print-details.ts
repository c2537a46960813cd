/**
 * Printing opens every closed `<details>` so that the sentences behind the timeline reach the
 * paper, then closes them again. Print CSS does the same where the browser supports
 * `::details-content`; this covers the others.
 */

const opened: HTMLDetailsElement[] = [];

window.addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details:not([open])')) {
    details.open = true;
    opened.push(details);
  }
});

window.addEventListener('afterprint', () => {
  for (const details of opened.splice(0)) details.open = false;
});

// A module, so that its top-level names stay its own.
export {};
