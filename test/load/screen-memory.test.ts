import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { postUpdate } from '../support/api-client';
import { artifactPath } from '../support/artifacts';
import { openPage } from '../support/browser-page';
import { hasChromium } from '../support/chromium';
import { useChromium } from '../support/use-chromium';

const CHANGES = 10_000;
const WRITERS = 8;

/** A chart's DOM holds its axes and marks: bounded by design, whichever chart the slot shows. */
const CHART_NODES_MAX = 2000;

/**
 * The chart slot shows the charts in turn, each with a DOM of its own size (and one just turned
 * to is still being measured): its nodes are counted apart from the rest of the screen's.
 */
async function footprint(page: Page): Promise<{ heap: number; nodes: number; chartNodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, chartNodes } = await page.evaluate(() => {
    const chartNodes = document.querySelector('.screen-chart')?.getElementsByTagName('*').length ?? 0;
    return { nodes: document.getElementsByTagName('*').length - chartNodes, chartNodes };
  });
  await cdp.detach();
  return { heap: usedSize, nodes, chartNodes };
}

async function post(url: string, count: number, label: string): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < count) {
        const i = next++;
        const { status } = await postUpdate(url, i % 2 ? 'npt' : 'open-skies', { headline: `${label} ${i}` });
        if (status !== 201) throw new Error(`post ${i} answered ${status}`);
      }
    }),
  );
}

describe.skipIf(!hasChromium)('a screen left on through 10,000 changes', () => {
  const env = useChromium();

  it('keeps its JS heap within 10 MB of where it started and its DOM bounded', { timeout: 240_000 }, async () => {
    const { page, errors } = await openPage(env.browser, `${env.server.url}/screen?banner=600`, { width: 1920, height: 1080 });
    await page.locator('[data-connection="live"]').waitFor();
    // Fill the feed to its cap first, so the baseline is a screen in its steady state.
    await post(env.server.url, 300, 'Warm-up');
    await postUpdate(env.server.url, 'npt', { headline: 'Warm-up done' });
    await page.locator('.breaking', { hasText: 'Warm-up done' }).waitFor({ timeout: 30_000 });
    const before = await footprint(page);

    const started = Date.now();
    await post(env.server.url, CHANGES, 'Load');
    await postUpdate(env.server.url, 'npt', { headline: 'Load done' });
    await page.locator('.breaking', { hasText: 'Load done' }).waitFor({ timeout: 120_000 });
    const seconds = (Date.now() - started) / 1000;
    const after = await footprint(page);

    const growthMb = (after.heap - before.heap) / 1024 / 1024;
    fs.writeFileSync(
      artifactPath('screen-memory.json'),
      JSON.stringify(
        {
          changes: CHANGES,
          seconds,
          heapBeforeMb: before.heap / 2 ** 20,
          heapAfterMb: after.heap / 2 ** 20,
          growthMb,
          nodesBefore: before.nodes,
          nodesAfter: after.nodes,
          chartNodesBefore: before.chartNodes,
          chartNodesAfter: after.chartNodes,
        },
        null,
        2,
      ),
    );
    expect(growthMb).toBeLessThan(10);
    expect(after.nodes).toBeLessThanOrEqual(before.nodes + 50);
    for (const { chartNodes } of [before, after]) expect(chartNodes).toBeLessThan(CHART_NODES_MAX);
    expect(errors).toEqual([]);
    await page.close();
  });
});
