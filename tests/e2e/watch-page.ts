import type { Page } from '@playwright/test';

/**
 * Collects what a page must never cause: console errors and warnings (CSP violations among them),
 * uncaught exceptions, dialogs, and failed requests. The browser's own request for /favicon.ico is
 * not the page's doing and is ignored.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const resource = message.type() === 'error' && message.text().startsWith('Failed to load resource');
    if (!resource && (message.type() === 'error' || message.type() === 'warning')) problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}
