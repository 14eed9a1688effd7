import type { BrowserContext, Locator, Page } from 'playwright-core';

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

/**
 * Presses Tab, as a keyboard user does, until `target` has the focus, and says how many presses
 * it took; fails after `most`, so a control the keyboard cannot reach fails the test.
 */
export async function tabTo(page: Page, target: Locator, most = 80): Promise<number> {
  for (let presses = 1; presses <= most; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`${most} presses of Tab did not reach ${target.toString()}`);
}
