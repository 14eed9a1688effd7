import { describe, expect, it } from 'vitest';
import { signInHere } from '../support/desk';
import { openPage } from '../support/browser-page';
import { CHROMIUM_MISSING, hasChromium } from '../support/chromium';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { testClock } from '../support/test-clock';
import { useChromium } from '../support/use-chromium';

if (!hasChromium) process.stdout.write(`${CHROMIUM_MISSING}\n`);

/** A datetime-local value: the browser and this process share the machine's time zone. */
function localInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

describe.skipIf(!hasChromium)('an embargo set on the editor page', () => {
  // The server's clock moves only when the test says: the embargo falls due without a wait.
  const clock = testClock();
  const env = useChromium({ now: clock.now });

  it('is listed to the editor, kept off the board until its time, then appears live', async () => {
    const headline = 'Embargoed from the editor page';
    const board = await openPage(env.browser, env.server.url);
    const editor = await openPage(env.browser, `${env.server.url}/editor`);
    try {
      await board.page.locator('[role="status"][data-connection="live"]').waitFor();
      await signInHere(editor.page, ADMIN_TOKEN);
      await editor.page.getByLabel('Treaty').selectOption('new-start');
      await editor.page.getByLabel('Headline').fill(headline);
      const publishAt = clock.now().getTime() + 60_000;
      await editor.page.getByLabel('Publish at (embargo)').fill(localInput(publishAt));
      await editor.page.getByRole('button', { name: 'Schedule update' }).click();
      await editor.page.getByText(/Under embargo until .*Embargoed from the editor page/).waitFor();

      const scheduled = editor.page.locator('section[aria-label="Scheduled updates"] li', { hasText: headline });
      await expect.poll(() => scheduled.innerText()).toMatch(/Under embargo until/);
      await env.server.app.dueWork.check();
      expect(await board.page.locator('section[aria-label="Live feed"]').innerText()).not.toContain(headline);

      clock.advance(publishAt - clock.now().getTime() + 1000);
      await env.server.app.dueWork.check();
      await board.page.locator('section[aria-label="Live feed"] li', { hasText: headline }).waitFor({ timeout: 5000 });
      await expect.poll(() => scheduled.innerText(), { timeout: 5000 }).toMatch(/Published/);
      expect([...board.errors, ...editor.errors]).toEqual([]);
    } finally {
      await board.page.close();
      await editor.page.close();
    }
  });

  it('can be cancelled from the list', async () => {
    const editor = await openPage(env.browser, `${env.server.url}/editor`);
    try {
      await signInHere(editor.page, ADMIN_TOKEN);
      await editor.page.getByLabel('Treaty').selectOption('inf');
      await editor.page.getByLabel('Headline').fill('Embargo to be cancelled');
      await editor.page.getByLabel('Publish at (embargo)').fill(localInput(Date.now() + 3_600_000));
      await editor.page.getByRole('button', { name: 'Schedule update' }).click();
      const item = editor.page.locator('section[aria-label="Scheduled updates"] li', { hasText: 'Embargo to be cancelled' });
      await item.getByRole('button', { name: 'Cancel embargoed update' }).click();
      await expect.poll(() => item.innerText()).toMatch(/Cancelled/);
      expect(editor.errors).toEqual([]);
    } finally {
      await editor.page.close();
    }
  });
});
