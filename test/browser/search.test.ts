import { describe, expect, it } from 'vitest';
import type { PostUpdateResponse } from '@treaty-watch/shared';
import { severeViolations } from '../support/axe';
import { openPage, tabInto } from '../support/browser-page';
import { hasChromium } from '../support/chromium';
import { useChromium } from '../support/use-chromium';

describe.skipIf(!hasChromium)('searching updates', () => {
  const env = useChromium();

  it('works by keyboard alone: from the header box to marked results to the treaty', async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    await page.locator('[data-treaty-id]').first().waitFor();
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent === 'Search updates',
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.type('Kaliningrad');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Updates with “Kaliningrad”' }).waitFor();
    expect(new URL(page.url()).search).toBe('?q=Kaliningrad');

    const offer = page.locator('.search-hit', { has: page.locator('time[datetime^="2020-10-26"]') }).first();
    await offer.waitFor();
    expect(await offer.locator('mark').allInnerTexts()).toContain('Kaliningrad');
    expect(await page.getByRole('searchbox', { name: 'Search updates' }).inputValue()).toBe('Kaliningrad');

    expect(await tabInto(page, '.search-hit', 30)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/treaties\//);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a refusal of the words beside them, with the keyboard there to mend them and search again', async () => {
    const { page, errors } = await openPage(env.browser, `${env.server.url}/search?q=${'kaliningrad'.repeat(100)}`);
    const words = page.getByLabel('Words', { exact: true });
    const field = page.locator('.field', { has: words });
    await field.locator('.field-error').waitFor();
    expect(await field.locator('.field-error').innerText()).toMatch(/1000|1,000/);
    expect(await words.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => words.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.getByText(/^Search failed/).count()).toBe(0);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Kaliningrad');
    await page.keyboard.press('Enter');
    await page.locator('.search-hit').first().waitFor();
    expect(new URL(page.url()).search).toBe('?q=Kaliningrad');
    expect(await page.getByLabel('Words', { exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows markup and FTS syntax in an update as text, marks retracted updates, and pages on', async () => {
    const { body } = await env.api.postUpdate<PostUpdateResponse>('cfe', {
      headline: '<b>Wolverine</b> NEAR( "depot" * report',
      body: 'A wolverine at <i>the</i> gate',
    });
    expect((await env.api.post(`/api/updates/${body.update.id}/retract`, { reason: 'It was a badger' })).status).toBe(200);
    const { page, errors } = await openPage(env.browser, `${env.server.url}/search?q=${encodeURIComponent('wolverine NEAR( "')}`);
    const hit = page.locator('.search-hit').first();
    await hit.waitFor();
    expect(await hit.locator('h2').innerText()).toBe('<b>Wolverine</b> NEAR( "depot" * report');
    expect(await hit.locator('b, i').count()).toBe(0);
    // NEAR is only a word here, and the headline holds it.
    expect(await hit.locator('mark').allInnerTexts()).toEqual(['Wolverine', 'NEAR', 'wolverine']);
    expect(await hit.locator('del').count()).toBe(1);
    await hit.getByText('Retracted: It was a badger').waitFor();

    for (let i = 1; i <= 25; i++) await env.api.postUpdate('npt', { headline: `Heron count ${i} at the review conference` });
    await page.goto(`${env.server.url}/search?q=heron`);
    await page.getByText('Heron count 25 at the review conference').waitFor();
    expect(await page.locator('.search-hit').count()).toBe(20);
    await page.getByRole('button', { name: 'Show older updates' }).click();
    await page.getByText('Heron count 1 at the review conference', { exact: true }).waitFor();
    expect(await page.locator('.search-hit').count()).toBe(25);
    expect(await page.getByRole('button', { name: 'Show older updates' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['results', '/search?q=Kaliningrad', '.search-hit', { width: 1280, height: 800 }],
    ['no query', '/search', '.empty', { width: 1280, height: 800 }],
    ['results on a phone', '/search?q=treaty', '.search-hit', { width: 390, height: 844 }],
    ['words refused, on a phone', `/search?q=${'kaliningrad'.repeat(100)}`, '.field-error', { width: 390, height: 844 }],
  ])('has no serious or critical axe violations and fits the screen: %s', async (_name, path, ready, viewport) => {
    const context = await env.browser.newContext({ bypassCSP: true, viewport });
    const page = await context.newPage();
    await page.goto(`${env.server.url}${path}`);
    await page.locator(ready).first().waitFor();
    expect(await severeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });
});
