import { describe, expect, it } from 'vitest';
import type { PostUpdateResponse } from '@treaty-watch/shared';
import { openPage } from '../support/browser-page';
import { hasChromium } from '../support/chromium';
import { useChromium } from '../support/use-chromium';

describe.skipIf(!hasChromium)('corrections and retractions on the page', () => {
  const env = useChromium();

  it('shows a correction live, with the earlier wording kept on the treaty page', async () => {
    const { page, errors } = await openPage(env.browser, `${env.server.url}/treaties/npt`);
    const { body } = await env.api.postUpdate<PostUpdateResponse>('npt', { headline: 'Review conference opens in New Yrok' });
    await page.getByText('Review conference opens in New Yrok').waitFor();
    expect((await env.api.patch(`/api/updates/${body.update.id}`, { headline: 'Review conference opens in New York' })).status).toBe(200);

    await page.getByText('Review conference opens in New York').waitFor();
    await expect.poll(() => page.locator('.history > li').first().innerText()).toMatch(/corrected .* UTC/);
    await page.getByText('Earlier wording (1)').click();
    await page.locator('q', { hasText: 'Review conference opens in New Yrok' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a retracted update visible, struck through with its reason, and takes back its status', async () => {
    const { body } = await env.api.postUpdate<PostUpdateResponse>('open-skies', {
      headline: 'Open Skies suspended, says one report',
      status: 'suspended',
    });
    const { page, errors } = await openPage(env.browser, env.server.url);
    await expect.poll(() => page.locator('article[data-treaty-id="open-skies"]').innerText()).toMatch(/Suspended/);
    expect((await env.api.post(`/api/updates/${body.update.id}/retract`, { reason: 'The report was not confirmed' })).status).toBe(200);

    await expect.poll(() => page.locator('article[data-treaty-id="open-skies"]').innerText()).toMatch(/In force/);
    const item = page.locator('section[aria-label="Live feed"] li', { hasText: 'Open Skies suspended, says one report' });
    await item.locator('del').waitFor();
    expect(await item.innerText()).toMatch(/Retracted: The report was not confirmed/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
