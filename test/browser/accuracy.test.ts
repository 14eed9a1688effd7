import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openPage } from '../support/browser-page';
import { hasChromium } from '../support/chromium';
import { clientDist } from '../support/paths';
import { useChromium } from '../support/use-chromium';

describe.skipIf(!hasChromium)('what the board states, against its sources', () => {
  const env = useChromium();

  it("draws New START's limits from 2018-02-05 only and marks the 2023-03-01 row a voluntary US publication, with each row's source", async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    const chart = page.locator('figure', { has: page.getByRole('heading', { name: 'New START data exchanges' }) });
    await chart.locator('.recharts-surface').first().waitFor();
    expect(await chart.locator('.chart-description').innerText()).toMatch(
      /limits \(dashed\), which applied from 2018-02-05[\s\S]*2023-03-01: a voluntary US publication, not a data exchange/,
    );
    // The limit line has no point before 2018: its path starts at the third row (2018-02-05).
    const starts = await chart
      .locator('.recharts-line path.recharts-curve')
      .evaluateAll((paths) => paths.map((p) => Number(/^M([\d.]+)/.exec(p.getAttribute('d') ?? '')?.[1])));
    expect(starts).toHaveLength(9);
    const [us, , limit] = starts;
    expect(limit).toBeGreaterThan(us ?? Infinity);
    await chart.getByText("The figures as a table, with each row's source and caveat").click();
    const voluntary = chart.locator('tr[data-as-of="2023-03-01"]');
    expect(await voluntary.innerText()).toMatch(
      /voluntary US publication, not a data exchange[\s\S]*state\.gov\/new-start-treaty-aggregate-numbers/,
    );
    expect(await chart.locator('tr[data-as-of="2021-03-01"]').innerText()).toMatch(/NOT a State Dept fact sheet/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows SORT's limit as one ceiling range and no term after it ended, and sources told apart by host and path", async () => {
    const { page, errors } = await openPage(env.browser, `${env.server.url}/treaties/sort`);
    const facts = page.locator('section[aria-label="Status"]');
    await facts.waitFor();
    expect(await facts.innerText()).not.toMatch(/Term ends/);
    expect(await page.locator('table.limits tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/1,700–2,200 warheads by (Dec 31, 2012|31 Dec 2012)/),
    ]);
    await page.goto(`${env.server.url}/treaties/new-start`);
    // The page loads the treaty after it opens: wait for its sources before reading them.
    await page.locator('section[aria-label="Sources"] li').first().waitFor();
    const sources = await page.locator('section[aria-label="Sources"] li').allInnerTexts();
    expect(sources.length).toBeGreaterThan(1);
    expect(new Set(sources).size).toBe(sources.length);
    expect(sources.every((s) => s.includes('/'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("marks New START's end and CFE's day of entry into force uncertain, the note on demand, and on the screen in words", async () => {
    const { page, errors } = await openPage(env.browser, env.server.url);
    const card = page.locator('article[data-treaty-id="new-start"]');
    await card.locator('.uncertain-toggle').click();
    expect(await card.locator('.uncertain-note').innerText()).toMatch(/4 or of 5 February 2026/);
    await page.goto(`${env.server.url}/treaties/cfe`);
    const inForce = page.locator('.facts dd', { has: page.locator('time[datetime^="1992-11-09"]') });
    await inForce.locator('.uncertain-toggle').click();
    expect(await inForce.locator('.uncertain-note').innerText()).toMatch(/secondary copies/);
    await page.goto(`${env.server.url}/screen`);
    await expect.poll(() => page.locator('.screen [data-treaty-id="new-start"]').innerText()).toMatch(/\(uncertain\)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps the board's first load under 150 KB of gzipped script, the map in a chunk of its own", () => {
    const index = fs.readFileSync(path.join(clientDist, 'index.html'), 'utf8');
    const scripts = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
    const gzipped = scripts.reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(clientDist, file))).length, 0);
    process.stdout.write(`board first load: ${(gzipped / 1024).toFixed(1)} KB of gzipped script in ${scripts.length} files\n`);
    expect(gzipped).toBeLessThan(150 * 1024);
    expect(scripts.some((s) => s.includes('world-map'))).toBe(false);
    expect(fs.readdirSync(path.join(clientDist, 'assets')).some((f) => /^world-map-.*\.js$/.test(f))).toBe(true);
  });
});
