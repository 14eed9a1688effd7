import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { severeViolations } from '../support/axe';
import { hasChromium } from '../support/chromium';
import { useChromium } from '../support/use-chromium';

const env = useChromium();

const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(16, 20, 24)';

/** A widget as a reader's browser shows it, in that reader's colour scheme. axe is injected, so the context bypasses CSP. */
async function widget(path: string, colorScheme: 'light' | 'dark'): Promise<Page> {
  const context = await env.browser.newContext({ bypassCSP: true, colorScheme, viewport: { width: 420, height: 520 } });
  const page = await context.newPage();
  await page.goto(`${env.server.url}${path}`);
  await page.locator('[data-treaty-id]').first().waitFor();
  return page;
}
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const textColour = (page: Page) => page.evaluate(() => getComputedStyle(document.querySelector('.embed-name') ?? document.body).color);

describe.skipIf(!hasChromium)('embed themes', () => {
  it('is light with ?theme=light, whatever the reader prefers, and dark by default or with an unknown theme', async () => {
    const light = await widget('/embed/treaty/ctbt?theme=light', 'dark');
    expect(await background(light)).toBe(WHITE);
    expect(await textColour(light)).toBe('rgb(20, 25, 30)');
    for (const path of ['/embed/treaty/ctbt', '/embed/treaty/ctbt?theme=sepia', '/embed/board?theme=%3Cscript%3E']) {
      const dark = await widget(path, 'light');
      expect(await background(dark), path).toBe(DARK);
      await dark.context().close();
    }
    await light.context().close();
  });

  it("follows the reader's prefers-color-scheme with ?theme=auto, also when it changes", async () => {
    const page = await widget('/embed/board?theme=auto', 'light');
    expect(await background(page)).toBe(WHITE);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(page)).toBe(DARK);
    await page.context().close();
    const dark = await widget('/embed/treaty/inf?theme=auto', 'dark');
    expect(await background(dark)).toBe(DARK);
    await dark.context().close();
  });

  it.each(['/embed/treaty/ctbt?theme=light', '/embed/board?theme=light', '/embed/treaty/ctbt?theme=dark', '/embed/board'])(
    'has no serious accessibility finding at %s',
    async (path) => {
      const page = await widget(path, 'light');
      expect(await severeViolations(page)).toEqual([]);
      await page.context().close();
    },
  );

  it("offers the widget in the chosen colours, the badge and the link in the treaty page's embed box", async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/treaties/ctbt`);
    const code = page.getByLabel(/A live widget for an article/);
    await code.waitFor();
    await page.getByLabel('Light').check();
    expect(await code.inputValue()).toContain(`src="${env.server.url}/embed/treaty/ctbt?theme=light"`);
    expect(await page.getByLabel(/A status badge/).inputValue()).toBe(
      `<a href="${env.server.url}/treaties/ctbt"><img src="${env.server.url}/badge/ctbt.svg" alt="CTBT status on Treaty Watch" height="20"></a>`,
    );
    expect(await page.getByLabel(/badge in Markdown/).inputValue()).toBe(
      `[![CTBT status on Treaty Watch](${env.server.url}/badge/ctbt.svg)](${env.server.url}/treaties/ctbt)`,
    );
    expect(await page.getByLabel('A plain link').inputValue()).toBe(`${env.server.url}/treaties/ctbt`);
    const preview = page.locator('.embed-badge-preview img');
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(100);
    await page.close();
  });
});
