import type { Page } from 'playwright-core';

/**
 * When the headline shows in the page's live feed, as the page's own clock has it: the
 * product's latency, not the polling of whoever waits for it. Call before posting.
 */
export function whenInFeed(page: Page, headline: string): Promise<number> {
  // Sent as source text: a function would carry whatever helpers the loader (tsx, Vitest)
  // compiled into it, which the page does not have.
  const script = `new Promise((resolve) => {
    const shown = () => document.querySelector('section[aria-label="Live feed"]')?.textContent?.includes(${JSON.stringify(headline)}) ?? false;
    new MutationObserver(() => shown() && resolve(Date.now())).observe(document.body, { childList: true, subtree: true, characterData: true });
    if (shown()) resolve(Date.now());
  })`;
  return page.evaluate<number>(script);
}
