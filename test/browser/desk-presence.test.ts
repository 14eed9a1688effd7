import { describe, expect, it } from 'vitest';
import { openPage } from '../support/browser-page';
import { CHROMIUM_MISSING, hasChromium } from '../support/chromium';
import { useChromium } from '../support/use-chromium';

if (!hasChromium) process.stdout.write(`${CHROMIUM_MISSING}\n`);

describe.skipIf(!hasChromium)('presence on the board', () => {
  const env = useChromium();

  it('does not count the editor or the admin page as viewers, opened there or navigated to', async () => {
    const board = await openPage(env.browser, env.server.url);
    const desk = await openPage(env.browser, `${env.server.url}/editor`);
    const presence = board.page.locator('.presence');
    try {
      await desk.page.locator('[role="status"][data-connection="live"]').waitFor();
      await expect.poll(() => presence.innerText(), { timeout: 5000 }).toMatch(/^1 viewer ·/);

      await desk.page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Board' }).click();
      await expect.poll(() => presence.innerText(), { timeout: 5000 }).toMatch(/^2 viewers ·/);
      await desk.page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Webhooks' }).click();
      await expect.poll(() => presence.innerText(), { timeout: 5000 }).toMatch(/^1 viewer ·/);
      expect([...board.errors, ...desk.errors]).toEqual([]);
    } finally {
      await board.page.close();
      await desk.page.close();
    }
  });
});
