import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { hasChromium } from '../support/chromium';
import { severeViolations } from '../support/axe';
import { signInContext } from '../support/desk';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { settled, tabInto } from '../support/browser-page';
import { useChromium } from '../support/use-chromium';

describe.skipIf(!hasChromium)('accessibility', () => {
  const chromium = useChromium();
  let context: BrowserContext;
  beforeAll(async () => {
    // axe is injected as a script; our own CSP would rightly refuse it.
    context = await chromium.browser.newContext({ bypassCSP: true, viewport: { width: 1600, height: 1000 } });
    await signInContext(context, chromium.server.url, ADMIN_TOKEN);
  });

  it.each([
    ['the board', '/', '[data-treaty-id]'],
    ['the board as of a date', '/?asOf=2020-10-26', '[data-treaty-id]'],
    ['a treaty', '/treaties/new-start', '.history li'],
    ['the editor', '/editor', 'main form'],
    ['the webhooks admin page', '/admin/webhooks', 'form'],
    ['the screen', '/screen', '.screen [data-treaty-id]'],
  ])('%s has no serious or critical axe violations', async (_name, path, ready) => {
    const page = await context.newPage();
    await page.goto(`${chromium.server.url}${path}`);
    await page.locator(ready).first().waitFor();
    await settled(page);
    expect(await severeViolations(page)).toEqual([]);
    await page.close();
  });

  it('fits a phone (375×740): no desk page and no treaty page scrolls sideways, signed in with every form shown', async () => {
    const phone = await chromium.browser.newContext({ viewport: { width: 375, height: 740 } });
    await signInContext(phone, chromium.server.url, ADMIN_TOKEN);
    const { treaties } = (await (await fetch(`${chromium.server.url}/api/treaties`)).json()) as {
      treaties: { id: string; partySummary?: unknown }[];
    };
    const pages: [string, string][] = [
      ['/signin', 'main h1'],
      ['/editor', 'main form'],
      ['/admin/webhooks', 'main form'],
      ['/admin/tokens', 'main form'],
      ['/admin/audit', 'tbody tr'],
      ['/admin/treaties/new', 'main form'],
      // A multilateral treaty's page is widest once its Parties table and map are in.
      ...treaties.map((t): [string, string] => [`/treaties/${t.id}`, t.partySummary ? '.parties-table tbody tr' : '.history li']),
    ];
    expect(treaties.length).toBeGreaterThanOrEqual(10);
    const wide: string[] = [];
    const page = await phone.newPage();
    page.setDefaultTimeout(8000);
    for (const [path, ready] of pages) {
      await page.goto(`${chromium.server.url}${path}`);
      await page.locator(ready).first().waitFor();
      const [scrollWidth, innerWidth] = await page.evaluate(() => [document.scrollingElement?.scrollWidth ?? 0, window.innerWidth]);
      if (scrollWidth > innerWidth) wide.push(`${path}: ${scrollWidth} px`);
    }
    await phone.close();
    expect(wide).toEqual([]);
  }, 90_000);

  it('works by keyboard: from the board to a treaty and back, and through the editor form', async () => {
    const page = await context.newPage();
    await page.goto(chromium.server.url);
    await page.locator('[data-treaty-id]').first().waitFor();
    expect(await tabInto(page, '[data-treaty-id]', 15)).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('.treaty-page h1').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/treaties\//);

    await page.goto(`${chromium.server.url}/editor`);
    await page.locator('main form').waitFor();
    const order: string[] = [];
    // The header comes first: its links, then the search box and its button.
    for (let i = 0; i < 26; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? ''));
    }
    expect(order).toEqual(
      expect.arrayContaining(['Treaty', 'Headline', 'Body', 'Source URL', 'New status', 'Occurred at', 'Publish at (embargo)']),
    );
    await page.close();
  });
});
