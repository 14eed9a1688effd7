import { hasChromium, launchChromium } from '../test/support/chromium';
import { whenInFeed } from '../test/support/feed-timing';
import { ADMIN_TOKEN, startServer } from './processes';
import { distribution, type Distribution } from './stats';

const POSTS = 20;

/**
 * What an editor sees: from the moment a POST is acknowledged to the moment the headline is in
 * the live feed of each of two open dashboards in Chromium, as the pages themselves time it.
 */
export async function twoTabs(): Promise<Distribution | undefined> {
  if (!hasChromium) return undefined;
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const tabs = await Promise.all([browser.newPage(), browser.newPage()]);
    for (const tab of tabs) {
      await tab.goto(server.url);
      await tab.locator('[role="status"][data-connection="live"]').waitFor();
    }
    const latencies: number[] = [];
    for (let i = 0; i < POSTS; i++) {
      const headline = `Two-tab latency ${i} ${Date.now()}`;
      const seen = tabs.map((tab) => whenInFeed(tab, headline));
      // Should one tab fail, the other's rejection must not end the process before cleanup.
      for (const sighting of seen) sighting.catch(() => undefined);
      const response = await fetch(`${server.url}/api/treaties/npt/updates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ headline }),
      });
      const acknowledged = Date.now();
      if (response.status !== 201) throw new Error(`POST answered ${response.status}`);
      for (const at of await Promise.all(seen)) latencies.push(at - acknowledged);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return distribution(latencies);
  } finally {
    await browser.close();
    await server.stop();
  }
}
