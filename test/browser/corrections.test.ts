import { describe, expect, it } from 'vitest';
import type { PostUpdateResponse } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { openPage } from '../support/browser-page';
import { hasChromium } from '../support/chromium';
import { useChromium } from '../support/use-chromium';
import { ADMIN_TOKEN } from '../support/in-process-server';

describe.skipIf(!hasChromium)('corrections and retractions on the page', () => {
  const env = useChromium();

  const headers = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };

  it('shows a correction live, with the earlier wording kept on the treaty page', async () => {
    const { page, errors } = await openPage(env.browser, `${env.server.url}/treaties/npt`);
    const { body } = await postUpdate<PostUpdateResponse>(env.server.url, 'npt', { headline: 'Review conference opens in New Yrok' });
    await page.getByText('Review conference opens in New Yrok').waitFor();
    await request(`${env.server.url}/api/updates/${body.update.id}`, { method: 'PATCH', headers, body: JSON.stringify({ headline: 'Review conference opens in New York' }) });

    await page.getByText('Review conference opens in New York').waitFor();
    await expect.poll(() => page.locator('.history > li').first().innerText()).toMatch(/corrected .* UTC/);
    await page.getByText('Earlier wording (1)').click();
    await page.locator('q', { hasText: 'Review conference opens in New Yrok' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a retracted update visible, struck through with its reason, and takes back its status', async () => {
    const { body } = await postUpdate<PostUpdateResponse>(env.server.url, 'open-skies', { headline: 'Open Skies suspended, says one report', status: 'suspended' });
    const { page, errors } = await openPage(env.browser, env.server.url);
    await expect.poll(() => page.locator('article[data-treaty-id="open-skies"]').innerText()).toMatch(/Suspended/);
    await request(`${env.server.url}/api/updates/${body.update.id}/retract`, { method: 'POST', headers, body: JSON.stringify({ reason: 'The report was not confirmed' }) });

    await expect.poll(() => page.locator('article[data-treaty-id="open-skies"]').innerText()).toMatch(/In force/);
    const item = page.locator('section[aria-label="Live feed"] li', { hasText: 'Open Skies suspended, says one report' });
    await item.locator('del').waitFor();
    expect(await item.innerText()).toMatch(/Retracted: The report was not confirmed/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
