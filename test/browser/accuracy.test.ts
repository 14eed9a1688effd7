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
    expect(await chart.locator('.chart-description').innerText()).toMatch(/limits \(dashed\), which applied from 2018-02-05[\s\S]*2023-03-01: a voluntary US publication, not a data exchange/);
    // The limit line has no point before 2018: its path starts at the third row (2018-02-05).
    const starts = await chart.locator('.recharts-line path.recharts-curve').evaluateAll((paths) => paths.map((p) => Number(/^M([\d.]+)/.exec(p.getAttribute('d') ?? '')?.[1])));
    expect(starts).toHaveLength(9);
    const [us, , limit] = starts;
    expect(limit).toBeGreaterThan(us ?? Infinity);
    await chart.getByText("The figures as a table, with each row's source and caveat").click();
    const voluntary = chart.locator('tr[data-as-of="2023-03-01"]');
    expect(await voluntary.innerText()).toMatch(/voluntary US publication, not a data exchange[\s\S]*state\.gov\/new-start-treaty-aggregate-numbers/);
    expect(await chart.locator('tr[data-as-of="2021-03-01"]').innerText()).toMatch(/NOT a State Dept fact sheet/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows SORT ended before its term, and sources told apart by host and path', async () => {
    const { page, errors } = await openPage(env.browser, `${env.server.url}/treaties/sort`);
    const facts = page.locator('section[aria-label="Status"]');
    await facts.waitFor();
    expect(await facts.innerText()).not.toMatch(/Term ends/);
    expect(await facts.innerText()).toMatch(/Ended, before its term ran out/);
    await page.goto(`${env.server.url}/treaties/new-start`);
    const sources = await page.locator('section[aria-label="Sources"] li').allInnerTexts();
    expect(sources.length).toBeGreaterThan(1);
    expect(new Set(sources).size).toBe(sources.length);
    expect(sources.every((s) => s.includes('/'))).toBe(true);
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
