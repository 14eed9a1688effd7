import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PostUpdateResponse } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { openPage } from '../support/browser-page';
import { hasChromium, launchChromium } from '../support/chromium';
import { ADMIN_TOKEN, startServer, type TestServer } from '../support/in-process-server';

describe.skipIf(!hasChromium)('corrections and retractions on the page', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const headers = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };

  it('shows a correction live, with the earlier wording kept on the treaty page', async () => {
    const { page, errors } = await openPage(browser, `${server.url}/treaties/npt`);
    const { body } = await postUpdate<PostUpdateResponse>(server.url, 'npt', { headline: 'Review conference opens in New Yrok' });
    await page.getByText('Review conference opens in New Yrok').waitFor();
    await request(`${server.url}/api/updates/${body.update.id}`, { method: 'PATCH', headers, body: JSON.stringify({ headline: 'Review conference opens in New York' }) });

    await page.getByText('Review conference opens in New York').waitFor();
    await expect.poll(() => page.locator('.history > li').first().innerText()).toMatch(/corrected .* UTC/);
    await page.getByText('Earlier wording (1)').click();
    await page.locator('q', { hasText: 'Review conference opens in New Yrok' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a retracted update visible, struck through with its reason, and takes back its status', async () => {
    const { body } = await postUpdate<PostUpdateResponse>(server.url, 'open-skies', { headline: 'Open Skies suspended, says one report', status: 'suspended' });
    const { page, errors } = await openPage(browser, server.url);
    await expect.poll(() => page.locator('article[data-treaty-id="open-skies"]').innerText()).toMatch(/Suspended/);
    await request(`${server.url}/api/updates/${body.update.id}/retract`, { method: 'POST', headers, body: JSON.stringify({ reason: 'The report was not confirmed' }) });

    await expect.poll(() => page.locator('article[data-treaty-id="open-skies"]').innerText()).toMatch(/In force/);
    const item = page.locator('section[aria-label="Live feed"] li', { hasText: 'Open Skies suspended, says one report' });
    await item.locator('del').waitFor();
    expect(await item.innerText()).toMatch(/Retracted: The report was not confirmed/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
