import type { Page } from 'playwright-core';

/**
 * When the headline shows in the page's live feed, as the page's own clock has it: the
 * product's latency, not the polling of whoever waits for it. Call before posting.
 */
export function whenInFeed(page: Page, headline: string): Promise<number> {
  return page.evaluate(
    (text) =>
      new Promise<number>((resolve) => {
        const check = () => {
          if (document.querySelector('section[aria-label="Live feed"]')?.textContent?.includes(text)) resolve(Date.now());
        };
        new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
        check();
      }),
    headline,
  );
}
