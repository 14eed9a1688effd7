import { describe, expect, it } from 'vitest';
import { postUpdate } from '../support/api-client';
import { artifactPath } from '../support/artifacts';
import { severeViolations } from '../support/axe';
import { CHROMIUM_MISSING, hasChromium } from '../support/chromium';
import { useChromium } from '../support/use-chromium';
import { onWebhooksPage } from '../support/webhooks-page';

if (!hasChromium) process.stdout.write(`${CHROMIUM_MISSING}\n`);

describe.skipIf(!hasChromium)('the webhooks admin page', () => {
  const env = useChromium();

  it('registers an endpoint, shows its secret once, and shows each delivery with its answer and latency', async () => {
    await onWebhooksPage(env.browser, env.server.url, { width: 1600, height: 1000 }, async (page, receiver) => {
      await page.getByText('No endpoint is registered yet.').waitFor();
      await page.getByLabel('Endpoint URL').fill(receiver.url);
      await page.getByLabel('Description').fill('Wire desk');
      await page.getByLabel('update.posted').check();
      await page.getByRole('button', { name: 'Register endpoint' }).click();
      receiver.secret = (await page.locator('.secret-value').innerText()).trim();
      expect(receiver.secret).toMatch(/^whsec_/);

      const card = page.getByRole('listitem', { name: `Endpoint ${receiver.url}` });
      await expect.poll(() => card.innerText()).toMatch(/Delivering/);
      expect(await card.innerText()).toMatch(/Changes: update\.posted/);
      expect(await severeViolations(page)).toEqual([]);

      receiver.failAlways(503);
      await postUpdate(env.server.url, 'npt', { headline: 'Seen by the wire desk' });
      await card.getByRole('button', { name: 'Show deliveries' }).click();
      await expect.poll(() => card.locator('table.delivery-log').innerText(), { timeout: 8000 }).toMatch(/pending.*HTTP 503/s);
      await expect.poll(() => card.innerText(), { timeout: 8000 }).toMatch(/Failing since/);

      receiver.accept();
      await receiver.until(() => receiver.delivered.length === 1, 8000, 'the delivery');
      await expect
        .poll(() => card.locator('table.delivery-log').innerText(), { timeout: 8000 })
        .toMatch(/delivered\s+\d+\s+HTTP 204 in \d+ ms/);
      await page.screenshot({ path: artifactPath('webhooks-admin.png'), fullPage: true });
      expect(await severeViolations(page)).toEqual([]);
    });
  });
});
