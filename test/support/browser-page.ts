import type { Browser, Locator, Page } from 'playwright-core';
import { RECONNECT_OPTIONS } from '@treaty-watch/shared';

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

/** Presses Tab, as a keyboard user does, at most `presses` times until `reached`; the presses it took, or undefined. */
async function pressTabUntil(page: Page, reached: () => Promise<boolean>, presses: number): Promise<number | undefined> {
  for (let pressed = 1; pressed <= presses; pressed++) {
    await page.keyboard.press('Tab');
    if (await reached()) return pressed;
  }
  return undefined;
}

/** Presses Tab, at most `presses` times, until the focus is inside `selector`; says whether it got there. */
export async function tabInto(page: Page, selector: string, presses: number): Promise<boolean> {
  const reached = () => page.evaluate((inside) => document.activeElement?.closest(inside) !== null, selector);
  return (await pressTabUntil(page, reached, presses)) !== undefined;
}

/**
 * Presses Tab until `target` has the focus, and says how many presses it took; fails after
 * `most`, so a control the keyboard cannot reach fails the test.
 */
export async function tabTo(page: Page, target: Locator, most = 80): Promise<number> {
  const presses = await pressTabUntil(page, () => target.evaluate((element) => element === document.activeElement), most);
  if (presses === undefined) throw new Error(`${most} presses of Tab did not reach ${target.toString()}`);
  return presses;
}

/**
 * Resolves once the page has run out of work: its fonts loaded, a frame drawn, and then an idle
 * moment, which comes only when no task is queued (React's deferred renders are tasks).
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestIdleCallback(() => resolve())));
  });
}

/**
 * Passes at once the longest pause Socket.IO takes between reconnection attempts, so a page that
 * lost the server tries again now rather than up to 10 s later. The page's clock must be installed
 * (page.clock.install) and its socket down: a live socket would miss its pings.
 */
export async function skipReconnectPause(page: Page): Promise<void> {
  await page.clock.fastForward(RECONNECT_OPTIONS.reconnectionDelayMax);
}

/**
 * How soon a change must show on an open page: live, not at a poll or a reload. Sub-second on a
 * quiet machine; the bound leaves room for a shared one running browser tests side by side (the
 * latency itself is a figure of `npm run bench`, where nothing else runs).
 */
export const LIVE_MS = 3000;

/**
 * When `selector` first matches on the page (and shows `text`, if given), as the page's own clock
 * has it: the product's latency, not the polling of whoever waits. Call before the change is made.
 */
export function whenShown(page: Page, selector: string, text = ''): Promise<number> {
  const script = `new Promise((resolve) => {
    const shown = () => [...document.querySelectorAll(${JSON.stringify(selector)})].some((el) => el.textContent.includes(${JSON.stringify(text)}));
    new MutationObserver(() => shown() && resolve(Date.now())).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    if (shown()) resolve(Date.now());
  })`;
  return page.evaluate<number>(script);
}
