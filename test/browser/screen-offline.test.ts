import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildIdOf } from '../../server/src/http/client-app';
import { postUpdate } from '../support/api-client';
import { artifactPath } from '../support/artifacts';
import { skipReconnectPause } from '../support/browser-page';
import { hasChromium } from '../support/chromium';
import { clientDist } from '../support/paths';
import { tempDir } from '../support/temp-dir';
import { useChromium } from '../support/use-chromium';

const VIEWPORT = { width: 1920, height: 1080 };
const STALE = /Stale since \d\d:\d\d:\d\d UTC/;

const cacheNames = (page: Page) => page.evaluate(async () => (await caches.keys()).sort());
const keptBoard = (page: Page) => page.evaluate(async () => (await (await caches.match('/screen/board.json'))?.text()) ?? '');
const sameStart = (page: Page) => page.evaluate(() => (window as unknown as { sameStart?: boolean }).sameStart === true);

describe.skipIf(!hasChromium)('the wall screen without the network', () => {
  const env = useChromium();

  async function openScreen(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${env.server.url}/screen`);
    await page.locator('[data-connection="live"]').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    return page;
  }

  it('starts from the board it kept when the server is unreachable, then catches up without a reload', async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORT });
    await context.clock.install();
    const errors: string[] = [];
    context.on('weberror', (error) => errors.push(error.error().message));
    try {
      const page = await openScreen(context);
      await postUpdate(env.server.url, 'npt', { headline: 'Kept for the next start' });
      await page.locator('.screen').filter({ hasText: 'Kept for the next start' }).waitFor();
      await expect.poll(() => keptBoard(page), { timeout: 10_000 }).toContain('Kept for the next start');

      // The TV reboots while the network and the server are down.
      await env.server.stop();
      await context.setOffline(true);
      await page.reload();
      await page.evaluate(() => Object.assign(window, { sameStart: true }));
      await page.getByRole('alert').filter({ hasText: STALE }).waitFor({ timeout: 5000 });
      expect(await page.locator('.screen [data-treaty-id]').count()).toBeGreaterThan(5);
      expect(await page.locator('.screen').innerText()).toContain('Kept for the next start');
      await page.screenshot({ path: artifactPath('screen-offline-start-1080p.png') });

      // Nothing but the screen comes from the worker: not the API it calls, not the board.
      await expect(page.evaluate(() => fetch('/api/snapshot').then((r) => r.status))).rejects.toThrow();
      const board = await context.newPage();
      await expect(board.goto(env.server.url)).rejects.toThrow();
      await board.close();

      await env.server.start();
      await postUpdate(env.server.url, 'inf', { headline: 'Posted while the screen was dark' });
      await context.setOffline(false);
      await skipReconnectPause(page);
      await page.locator('[data-connection="live"]').waitFor({ timeout: 5000 });
      await page.locator('.screen').filter({ hasText: 'Posted while the screen was dark' }).waitFor();
      await postUpdate(env.server.url, 'npt', { headline: 'Posted once it was back' });
      await page.locator('.screen').filter({ hasText: 'Posted once it was back' }).waitFor();
      expect(await page.getByRole('alert').filter({ hasText: STALE }).count()).toBe(0);
      expect(await sameStart(page)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.setOffline(false);
      await context.close();
    }
  });

  it('takes a new build: the screen reloads into it, the old copy goes, and the new one starts offline', async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORT });
    await context.clock.install();
    const redeployed = tempDir('dist');
    try {
      const page = await openScreen(context);
      const before = buildIdOf(clientDist);
      // The board is kept a moment after it arrives; the page's files once the worker is installed.
      await expect.poll(() => cacheNames(page), { timeout: 10_000 }).toEqual(['screen-board', `screen-shell-${before}`]);

      // A rebuild in miniature: another page, and the worker that names it.
      fs.cpSync(clientDist, redeployed.dir, { recursive: true });
      fs.appendFileSync(path.join(redeployed.dir, 'index.html'), '<!-- redeployed -->\n');
      const after = buildIdOf(redeployed.dir);
      const worker = path.join(redeployed.dir, 'screen-sw.js');
      fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace(`"buildId":"${before}"`, `"buildId":"${after}"`));

      await page.evaluate(() => Object.assign(window, { sameStart: true }));
      await env.server.stop();
      await env.server.start({ clientDist: redeployed.dir });
      await skipReconnectPause(page);
      await expect.poll(() => sameStart(page).catch(() => true), { timeout: 5000 }).toBe(false);
      await page.locator('[data-connection="live"]').waitFor();
      await expect.poll(() => cacheNames(page), { timeout: 10_000 }).toEqual(['screen-board', `screen-shell-${after}`]);

      await env.server.stop();
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('alert').filter({ hasText: STALE }).waitFor({ timeout: 5000 });
      expect(
        await page.evaluate(() =>
          [...document.childNodes].some((n) => n.nodeType === Node.COMMENT_NODE && n.textContent?.includes('redeployed')),
        ),
      ).toBe(true);

      // Started from its copy, it still knows its build, and reloads when the server runs another.
      await page.evaluate(() => Object.assign(window, { sameStart: true }));
      await env.server.start({ clientDist });
      await context.setOffline(false);
      await skipReconnectPause(page);
      await expect.poll(() => sameStart(page).catch(() => true), { timeout: 5000 }).toBe(false);
      await page.locator('[data-connection="live"]').waitFor();
    } finally {
      await context.setOffline(false);
      await context.close();
      await env.server.stop();
      await env.server.start({ clientDist });
      redeployed.remove();
    }
  });

  it('serves its worker to be checked on every start, from our own origin only', async () => {
    const response = await fetch(`${env.server.url}/screen-sw.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("worker-src 'self'");
    expect(await response.text()).toContain(`"buildId":"${buildIdOf(clientDist)}"`);
  });

  it('starts as a fresh screen when the board it kept is damaged', async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORT });
    const errors: string[] = [];
    context.on('weberror', (error) => errors.push(error.error().message));
    try {
      const page = await openScreen(context);
      await page.evaluate(async () => {
        const cache = await caches.open('screen-board');
        await cache.put('/screen/board.json', new Response('{"seq":"\\u0000","treaties":[{"id":"<script>"}]}'));
        await cache.put('/screen/live-at', new Response('not a time'));
      });
      await page.reload();
      await page.locator('[data-connection="live"]').waitFor();
      expect(await page.locator('.screen [data-treaty-id]').count()).toBeGreaterThan(5);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('asks for a Screen Wake Lock, and again when the page shows after the browser let it go', async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORT });
    // The real lock depends on the machine; this one records what the screen asks for.
    await context.addInitScript(() => {
      const locks: { type: string; released: boolean }[] = [];
      const wakeLock = {
        request: (type: string) => {
          const lock = { type, released: false, release: async () => void (lock.released = true) };
          locks.push(lock);
          return Promise.resolve(lock);
        },
      };
      Object.defineProperty(navigator, 'wakeLock', { value: wakeLock, configurable: true });
      Object.assign(window, { locks });
    });
    try {
      const page = await openScreen(context);
      const locks = () => page.evaluate(() => (window as unknown as { locks: { type: string; released: boolean }[] }).locks);
      await expect.poll(async () => (await locks()).filter((l) => !l.released).map((l) => l.type), { timeout: 5000 }).toEqual(['screen']);
      const asked = (await locks()).length;
      await page.evaluate(() => {
        for (const lock of (window as unknown as { locks: { released: boolean }[] }).locks) lock.released = true;
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await expect.poll(async () => (await locks()).length, { timeout: 5000 }).toBe(asked + 1);
      expect((await locks()).at(-1)).toEqual({ type: 'screen', released: false });
    } finally {
      await context.close();
    }
  });
});
