import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Snapshot } from '@treaty-watch/shared';
import { OFFLINE_AFTER_MS } from '../../client/src/lib/live-view';
import { postUpdate } from '../support/api-client';
import { artifactPath } from '../support/artifacts';
import { BoardClient } from '../support/board-client';
import { openPage, settled, skipReconnectPause } from '../support/browser-page';
import { hasChromium } from '../support/chromium';
import { useChromium } from '../support/use-chromium';
import { clientDist } from '../support/paths';
import { tempDir } from '../support/temp-dir';

const RESOLUTIONS = [
  { name: '1080p', width: 1920, height: 1080 },
  { name: '4k', width: 3840, height: 2160 },
];

async function layout(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const title = document.querySelector('.screen .treaty-card h3');
    const screen = document.querySelector('.screen');
    const parts = [...document.querySelectorAll('.screen-header > *, .screen-cards > *, .screen-side, .screen-footer')];
    const outside = parts.filter((el) => {
      const r = el.getBoundingClientRect();
      return r.left < 0 || r.top < 0 || r.right > window.innerWidth + 1 || r.bottom > window.innerHeight + 1;
    });
    const footer = document.querySelector('.screen-footer')?.getBoundingClientRect();
    return {
      scrolls:
        root.scrollHeight > window.innerHeight ||
        root.scrollWidth > window.innerWidth ||
        (screen ? screen.scrollWidth > screen.clientWidth || screen.scrollHeight > screen.clientHeight : true),
      outside: outside.map((el) => el.className),
      footerAtBottom: footer ? Math.abs(footer.bottom - window.innerHeight) <= 1 : false,
      cursor: getComputedStyle(document.querySelector('.screen') ?? document.body).cursor,
      titlePx: title ? parseFloat(getComputedStyle(title).fontSize) : 0,
    };
  });
}

/** Finds and reads the ticker item in one task: the ticker turns every few seconds, and a
 * locator's element read after it turned is detached, with no computed style at all. */
function tickerAnimation(page: Page) {
  return page.evaluate(() => {
    const item = document.querySelector('.ticker-item');
    return item ? getComputedStyle(item).animationName : 'no ticker item';
  });
}

interface ScreenRecord {
  banners: string[];
  showedUnwanted: boolean;
}

/**
 * Records, from now on, every text the screen's Breaking banner shows and whether `unwanted`
 * ever appears on the screen: a look afterwards then sees what came and went meanwhile.
 */
async function recordScreen(page: Page, unwanted: string): Promise<() => Promise<ScreenRecord>> {
  await page.evaluate((text) => {
    const record: ScreenRecord = { banners: [], showedUnwanted: false };
    Object.assign(window, { screenRecord: record });
    new MutationObserver(() => {
      const banner = document.querySelector<HTMLElement>('section[aria-label="Breaking"]')?.innerText;
      if (banner && !record.banners.includes(banner)) record.banners.push(banner);
      if (document.querySelector<HTMLElement>('.screen')?.innerText.includes(text)) record.showedUnwanted = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, unwanted);
  return () => page.evaluate(() => (window as unknown as { screenRecord: ScreenRecord }).screenRecord);
}

describe.skipIf(!hasChromium)('the wall screen', () => {
  const env = useChromium();

  it('fills 1920×1080 and 3840×2160 with no scrollbars and no cursor, type scaled to the screen', async () => {
    const sizes: number[] = [];
    for (const resolution of RESOLUTIONS) {
      const { page, errors } = await openPage(env.browser, `${env.server.url}/screen?name=desk-3`, resolution);
      await page.locator('.screen [data-treaty-id]').first().waitFor();
      await settled(page);
      const seen = await layout(page);
      expect(seen.scrolls).toBe(false);
      expect(seen.outside).toEqual([]);
      expect(seen.footerAtBottom).toBe(true);
      expect(seen.cursor).toBe('none');
      sizes.push(seen.titlePx);
      expect(await page.locator('.screen-name').innerText()).toContain('desk-3');
      const chart = page.locator('.screen-chart');
      await chart.locator('figure .recharts-surface, figure .group-holdouts li').first().waitFor();
      // Read in one page task: the slot turns every 20 s. The holdouts' turn is names, not a drawing.
      const shown = await page.evaluate(() => {
        const slot = document.querySelector('.screen-chart');
        return {
          named: slot?.getAttribute('data-chart'),
          title: slot?.querySelector('figure h3')?.textContent,
          drawn: slot?.querySelectorAll('.recharts-surface, .group-holdouts li').length ?? 0,
        };
      });
      expect(shown.named).toBe(shown.title);
      expect(shown.drawn).toBeGreaterThan(0);
      await page.screenshot({ path: artifactPath(`screen-${resolution.name}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(sizes[0]).toBeGreaterThanOrEqual(28);
    expect(sizes[1]).toBeCloseTo((sizes[0] ?? 0) * 2, 0);
  });

  it('shows the board live and as of 26 October 2020 at both sizes, with New START expiring then', async () => {
    for (const resolution of RESOLUTIONS) {
      const live = await openPage(env.browser, env.server.url, resolution);
      await live.page.locator('[data-treaty-id="new-start"]').waitFor();
      await live.page.screenshot({ path: artifactPath(`board-${resolution.name}.png`) });
      await live.page.close();

      const { page, errors } = await openPage(env.browser, `${env.server.url}/?asOf=2020-10-26`, resolution);
      const card = page.locator('[data-treaty-id="new-start"]');
      await card.waitFor();
      expect(await page.getByRole('note').innerText()).toMatch(/As of (26 October 2020|October 26, 2020)[\s\S]*not live/);
      expect(await card.innerText()).toMatch(/Expiring[\s\S]*102\s*days 00:00:00 left/);
      expect(await page.locator('[data-treaty-id="inf"]').innerText()).toMatch(/Abandoned/);
      const lifespans = page.locator('figure', { has: page.getByRole('heading', { name: 'Treaty lifespans' }) });
      await expect
        .poll(() => lifespans.locator('.chart-description').innerText(), { timeout: 5000 })
        .toMatch(/the line marks Oct 26, 2020\.$/);
      await page.screenshot({ path: artifactPath(`board-as-of-2020-10-26-${resolution.name}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('counts as a screen, shows only the treaties asked for, and lets a breaking change take over for a while', async () => {
    const observer = new BoardClient(env.server.url);
    const screens = await Promise.all(
      RESOLUTIONS.map((r) => openPage(env.browser, `${env.server.url}/screen?treaties=inf,new-start&banner=3`, r)),
    );
    const page = screens[0]?.page;
    if (!page) throw new Error('no screen opened');
    try {
      await page.locator('.screen [data-treaty-id]').first().waitFor();
      expect(await page.locator('.screen [data-treaty-id]').count()).toBe(2);
      await observer.until(() => observer.presence.some((p) => p.screens >= 2), 4000, 'the screens counted');

      const seen = await Promise.all(screens.map((screen) => recordScreen(screen.page, 'Not for this desk')));
      await postUpdate(env.server.url, 'npt', { headline: 'Not for this desk' });
      await postUpdate(env.server.url, 'inf', { headline: 'Breaking: Russia deploys intermediate-range missiles' });
      for (const [i, screen] of screens.entries()) {
        const banner = screen.page.locator('section[aria-label="Breaking"]');
        await banner.waitFor({ timeout: 2000 });
        expect(await banner.innerText()).toMatch(/Russia deploys intermediate-range missiles/);
        // The other treaty's change came first (seq order), so by now it would have shown.
        const record = await seen[i]?.();
        expect(record?.banners.length).toBeGreaterThan(0);
        expect(record?.banners.filter((text) => !text.includes('Russia deploys intermediate-range missiles'))).toEqual([]);
        expect(record?.showedUnwanted).toBe(false);
        expect(await screen.page.locator('[data-treaty-id="inf"].just-changed').count()).toBe(1);
        await screen.page.screenshot({ path: artifactPath(`screen-breaking-${RESOLUTIONS[i]?.name}.png`) });
      }
      // The banner holds for the 3 s asked for; the page's clock, taken over now, passes them at once.
      await page.clock.install();
      await page.clock.fastForward(3000);
      await page.locator('section[aria-label="Breaking"]').waitFor({ state: 'detached', timeout: 2000 });
    } finally {
      observer.close();
      for (const screen of screens) await screen.page.close();
    }
  });

  it('counts on a screen for some treaties only the activity of theirs, live', async () => {
    const page = await env.browser.newPage({ viewport: RESOLUTIONS[0] });
    try {
      // The chart slot turns every 20 s through five charts; five seconds into a turn of all
      // five it shows Activity, and a fixed clock keeps it there (timers still run, so the
      // socket does too).
      const cycle = 5 * 20_000;
      await page.clock.setFixedTime(Math.floor(Date.now() / cycle) * cycle + 5000);
      await page.goto(`${env.server.url}/screen?treaties=inf,new-start`);
      const chart = page.locator('.screen-chart[data-chart="Activity"]');
      await chart.locator('.chart-description').waitFor();
      const total = async () => Number(/: (\d+) in all/.exec(await chart.locator('.chart-description').innerText())?.[1]);
      const board = (await (await fetch(`${env.server.url}/api/snapshot`)).json()) as Snapshot;
      const ofTheirs = board.activity.reduce((sum, day) => sum + (day.byTreaty.inf ?? 0) + (day.byTreaty['new-start'] ?? 0), 0);
      await expect.poll(total, { timeout: 5000 }).toBe(ofTheirs);

      await postUpdate(env.server.url, 'npt', { headline: 'Not counted on this screen' });
      await postUpdate(env.server.url, 'inf', { headline: 'Counted on this screen' });
      // Both changes are in once the later one's banner shows (seq order); the charts draw from
      // a deferred copy of the board, so the last look waits for that copy to catch up.
      await page.locator('section[aria-label="Breaking"]', { hasText: 'Counted on this screen' }).waitFor();
      await expect.poll(total, { timeout: 5000 }).toBe(ofTheirs + 1);
      await settled(page);
      expect(await total()).toBe(ofTheirs + 1);
    } finally {
      await page.close();
    }
  });

  it("gives each of New START's three measures a turn of the chart slot, and the CTBT's Annex 2 holdouts one", async () => {
    const cycle = 6 * 20_000;
    const start = Math.floor(Date.now() / cycle) * cycle;
    const seen: string[] = [];
    for (const turn of [2, 3, 4]) {
      const page = await env.browser.newPage({ viewport: RESOLUTIONS[0] });
      try {
        await page.clock.setFixedTime(start + turn * 20_000 + 5000);
        await page.goto(`${env.server.url}/screen`);
        const slot = page.locator('.screen-chart[data-chart="New START data exchanges"]');
        await slot.locator('.recharts-surface').first().waitFor();
        seen.push(await slot.locator('h4').innerText());
        // Both sides and the limit, which is drawn from the day it took effect.
        expect(await slot.locator('.recharts-line').count()).toBe(3);
      } finally {
        await page.close();
      }
    }
    expect(seen).toEqual(['Deployed warheads', 'Deployed launchers', 'Deployed and non-deployed launchers']);

    const page = await env.browser.newPage({ viewport: RESOLUTIONS[0] });
    try {
      await page.clock.setFixedTime(start + 5 * 20_000 + 5000);
      await page.goto(`${env.server.url}/screen`);
      const slot = page.locator('.screen-chart[data-chart="CTBT Annex 2 holdouts"]');
      await slot.locator('.group-holdouts li').first().waitFor();
      const names = await slot.locator('.group-holdouts li').allInnerTexts();
      expect(names).toHaveLength(9);
      expect(names).toEqual(
        expect.arrayContaining(['China', 'Egypt', 'India', 'Iran', 'Israel', 'North Korea', 'Pakistan', 'Russia', 'United States']),
      );
      expect(await slot.locator('.chart-description').innerText()).toMatch(/35 of 44 Annex 2 states have ratified/);
    } finally {
      await page.close();
    }
  });

  it('honours prefers-reduced-motion: the ticker changes without moving', async () => {
    const page = await env.browser.newPage({ viewport: RESOLUTIONS[0], reducedMotion: 'reduce' });
    try {
      await page.goto(`${env.server.url}/screen`);
      await page.locator('.ticker-item').waitFor();
      expect(await tickerAnimation(page)).toBe('none');
      const moving = await env.browser.newPage({ viewport: RESOLUTIONS[0] });
      await moving.goto(`${env.server.url}/screen`);
      await moving.locator('.ticker-item').waitFor();
      expect(await tickerAnimation(moving)).toBe('ticker-in');
      await moving.close();
    } finally {
      await page.close();
    }
  });

  it('says "stale since" within seconds of losing the server, then catches up by itself', async () => {
    const page = await env.browser.newPage({ viewport: RESOLUTIONS[0] });
    // The page's clock runs as the real one does until the test moves it on: ten seconds offline,
    // then the longest pause between reconnection attempts, each passed at once.
    await page.clock.install();
    await page.goto(`${env.server.url}/screen`);
    await page.locator('[data-connection="live"]').waitFor();
    await env.server.stop();
    await page.locator('[data-connection="reconnecting"]').waitFor();
    const stale = page.getByRole('alert').filter({ hasText: /Stale since \d\d:\d\d:\d\d UTC/ });
    expect(await stale.count()).toBe(0);
    await page.clock.fastForward(OFFLINE_AFTER_MS);
    await stale.waitFor({ timeout: 5000 });
    expect(await page.locator('[data-connection="offline"]').innerText()).toMatch(/^Offline since \d\d:\d\d:\d\d UTC$/);
    await page.screenshot({ path: artifactPath('screen-stale-1080p.png') });
    await env.server.start();
    await postUpdate(env.server.url, 'npt', { headline: 'Posted while the screen was away' });
    await skipReconnectPause(page);
    await stale.waitFor({ state: 'detached', timeout: 5000 });
    await page.locator('.ticker, .breaking').filter({ hasText: 'Posted while the screen was away' }).first().waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('reloads itself when the server comes back with a new build', async () => {
    const { page } = await openPage(env.browser, `${env.server.url}/screen`, RESOLUTIONS[0]);
    await page.locator('[data-connection="live"]').waitFor();
    await page.evaluate(() => Object.assign(window, { oldBuild: true }));
    const redeployed = tempDir('dist');
    try {
      fs.cpSync(clientDist, redeployed.dir, { recursive: true });
      fs.appendFileSync(path.join(redeployed.dir, 'index.html'), '<!-- redeployed -->\n');
      await env.server.stop();
      await env.server.start({ clientDist: redeployed.dir });
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { oldBuild?: boolean }).oldBuild), { timeout: 15_000 })
        .toBeUndefined();
      await page.locator('[data-connection="live"]').waitFor();
    } finally {
      await page.close();
      await env.server.stop();
      await env.server.start({ clientDist });
      redeployed.remove();
    }
  });
});
