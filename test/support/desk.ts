import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Signs in as a user would: a desk page has sent the browser to /signin (or this goes there),
 * the token is pasted once, and the page returns to where it was sent from.
 */
export async function signInHere(page: Page, token: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/signin') await page.waitForURL((url) => url.pathname === '/signin');
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');
}

/** Signs a whole browser context in through the API, for tests about something other than signing in. */
export async function signInContext(context: BrowserContext, base: string, token: string): Promise<void> {
  const answer = await context.request.post(`${base}/api/session`, { data: { token }, headers: { origin: base } });
  if (answer.status() !== 201) throw new Error(`sign-in answered ${answer.status()}`);
}

export const PHONE = { width: 390, height: 844 };
export const DESK = { width: 1280, height: 800 };

/** A page in a browser context of its own, collecting the page's errors for the test to check. */
export async function deskPage(browser: Browser, viewport = DESK) {
  // axe is injected as a script; our own CSP would rightly refuse it.
  const context = await browser.newContext({ bypassCSP: true, viewport });
  const page = await context.newPage();
  // A step that cannot happen fails on its own line, well inside the test's time.
  page.setDefaultTimeout(8000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, context, errors, close: () => context.close() };
}

export type DeskPage = Awaited<ReturnType<typeof deskPage>>;

/**
 * Runs a test's steps on pages already open, then checks that none of them threw a page error;
 * the pages are closed whether the steps pass or not.
 */
export async function checkedPages(pages: readonly DeskPage[], steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
    for (const { errors } of pages) expect(errors).toEqual([]);
  } finally {
    await Promise.all(pages.map((desk) => desk.close()));
  }
}
