import type { Browser, Page } from 'playwright-core';

/** A page that fails the test on any script error or CSP violation it reports. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1600, height: 1000 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
  });
  await page.goto(url);
  return { page, errors };
}

/** Presses Tab, at most `presses` times, until the focus is inside `selector`; says whether it got there. */
export async function tabInto(page: Page, selector: string, presses: number): Promise<boolean> {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((inside) => document.activeElement?.closest(inside) !== null, selector)) return true;
  }
  return false;
}
