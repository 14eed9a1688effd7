import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STATUS_TRANSITIONS, type Treaty } from '@treaty-watch/shared';
import { request } from '../support/api-client';
import { severeViolations } from '../support/axe';
import { hasChromium } from '../support/chromium';
import { checkedPages, DESK, deskPage, PHONE, signInHere } from '../support/desk';
import { LIVE_MS, tabTo, whenShown } from '../support/browser-page';
import { useChromium } from '../support/use-chromium';

const optionValues = (page: Page, label: string) =>
  page
    .getByLabel(label, { exact: true })
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.skipIf(!hasChromium)('posting from the desk in Chromium', () => {
  const env = useChromium();

  const editorToken = async (name: string) => (await env.api.createToken({ name, role: 'editor' })).token;

  async function signedInEditor(name: string, viewport = DESK) {
    const desk = await deskPage(env.browser, viewport);
    await desk.page.goto(`${env.server.url}/editor`);
    await signInHere(desk.page, await editorToken(name));
    await desk.page.getByLabel('Treaty', { exact: true }).waitFor();
    return desk;
  }

  const statusOf = async (id: string) => (await request<{ treaty: Treaty }>(`${env.server.url}/api/treaties/${id}`)).body.treaty.status;

  it('offers only the statuses the treaty can move to, previews what the board then shows, warns of a repeat, posts by keyboard', async () => {
    const desk = await signedInEditor('keyboard-desk');
    const reader = await deskPage(env.browser);
    await checkedPages([desk, reader], async () => {
      const { page } = desk;
      await reader.page.goto(env.server.url);
      await reader.page.locator('article[data-treaty-id="npt"]').waitFor();

      await page.getByLabel('Treaty', { exact: true }).selectOption('inf');
      expect(await optionValues(page, 'New status')).toEqual(['']);
      expect(
        await page
          .locator('.field', { has: page.getByLabel('New status') })
          .locator('.hint')
          .innerText(),
      ).toMatch(/final status/);
      await page.getByLabel('Treaty', { exact: true }).selectOption('npt');
      expect(await optionValues(page, 'New status')).toEqual(['', ...STATUS_TRANSITIONS[await statusOf('npt')]]);

      // Keyboard alone from here: Tab to the headline, type, move with Tab, pick the status by
      // typing its name, post with Ctrl+Enter.
      await tabTo(page, page.getByLabel('Headline'));
      await page.keyboard.type('NPT review conference suspended');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Delegations walked out.');
      await page.keyboard.press('Tab');
      await page.keyboard.type('https://www.un.org/en/conferences/npt2026');
      await tabTo(page, page.getByLabel('New status'), 5);
      await page.keyboard.type('Suspended');
      expect(await page.getByLabel('New status').inputValue()).toBe('suspended');

      const preview = page.locator('.post-preview');
      const previewCard = {
        chip: text(await preview.locator('.treaty-card .status-chip').innerText()),
        changed: text(await preview.locator('.treaty-card .what-changed').innerText()),
        line: text(await preview.locator('.live-feed li').innerText()),
      };
      expect(previewCard.chip).toMatch(/Suspended/);
      expect(previewCard.changed).toBe('In force → Suspended');
      expect(previewCard.line).toMatch(/NPT NPT review conference suspended/);
      expect(await severeViolations(page)).toEqual([]);

      const shown = whenShown(reader.page, 'article[data-treaty-id="npt"] .what-changed', 'Suspended');
      await page.keyboard.press('Control+Enter');
      await page.getByText('Posted to NPT: “NPT review conference suspended”').waitFor();
      await shown;
      const card = reader.page.locator('article[data-treaty-id="npt"]');
      expect(text(await card.locator('.status-chip').innerText())).toBe(previewCard.chip);
      expect(text(await card.locator('.what-changed').innerText())).toBe(previewCard.changed);
      expect(text(await reader.page.locator('.live-feed li').first().innerText())).toBe(previewCard.line);

      // The desk sees who posted it, seconds ago; the same headline again is flagged before it is posted.
      await expect
        .poll(() => page.locator('.desk-activity li').first().innerText())
        .toMatch(/keyboard-desk posted “NPT review conference suspended” to NPT, \d+ s ago/);
      expect(await page.locator('.duplicate-warning').count()).toBe(0);
      await page.getByLabel('Headline').fill('npt review  conference SUSPENDED');
      await expect
        .poll(() => page.locator('.duplicate-warning').innerText())
        .toMatch(/same headline was posted to NPT .* by keyboard-desk/);
      await page.getByLabel('Treaty', { exact: true }).selectOption('ctbt');
      expect(await page.locator('.duplicate-warning').count()).toBe(0);
    });
  }, 90_000);

  it('a failed post (409) keeps everything typed, and so does a session that ends mid-typing', async () => {
    const desk = await signedInEditor('conflict-desk');
    await checkedPages([desk], async () => {
      const { page } = desk;
      await page.getByLabel('Treaty', { exact: true }).selectOption('tpnw');
      await page.getByLabel('Headline').fill('TPNW party gives notice');
      await page.getByLabel('Body').fill('A first party leaves.');
      await page.getByLabel('Source URL').fill('https://treaties.un.org/tpnw');
      await page.getByLabel('New status').selectOption('withdrawal_pending');
      // A colleague moves the treaty meanwhile: the chosen status is no longer allowed, and stays chosen.
      expect((await env.api.postUpdate('tpnw', { headline: 'TPNW abandoned', status: 'abandoned' })).status).toBe(201);
      await expect.poll(() => page.getByLabel('New status').locator('option:checked').innerText()).toMatch(/not allowed now/);
      await page.getByLabel('Headline').focus();
      await page.keyboard.press('Control+Enter');
      const statusField = page.locator('.field', { has: page.getByLabel('New status') });
      await expect.poll(() => statusField.locator('.field-error').innerText()).toMatch(/Allowed now: none \(final\)/);
      const typed = async () => ({
        treaty: await page.getByLabel('Treaty', { exact: true }).inputValue(),
        headline: await page.getByLabel('Headline').inputValue(),
        body: await page.getByLabel('Body').inputValue(),
        source: await page.getByLabel('Source URL').inputValue(),
        status: await page.getByLabel('New status').inputValue(),
      });
      const before = {
        treaty: 'tpnw',
        headline: 'TPNW party gives notice',
        body: 'A first party leaves.',
        source: 'https://treaties.un.org/tpnw',
        status: 'withdrawal_pending',
      };
      expect(await typed()).toEqual(before);

      // The session ends (cookie gone): /signin and back, and the draft is still there.
      await desk.context.clearCookies();
      await page.reload();
      await signInHere(page, await editorToken('conflict-desk-again'));
      await page.getByLabel('Headline').waitFor();
      expect(await typed()).toEqual(before);
      expect(await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)))).not.toMatch(/tw_/);
    });
  }, 60_000);

  it("records Egypt's CTBT ratification from the Parties section; a signed-out tab's card says 8 missing, live", async () => {
    const desk = await signedInEditor('parties-desk');
    const reader = await deskPage(env.browser);
    await checkedPages([desk, reader], async () => {
      const { page } = desk;
      await page.goto(`${env.server.url}/treaties/ctbt`);
      await reader.page.goto(env.server.url);
      const card = reader.page.locator('article[data-treaty-id="ctbt"] [data-party-summary]');
      await expect.poll(() => card.innerText()).toMatch(/9 of 44 Annex 2 ratifications missing/);

      await page.getByRole('button', { name: 'Record a change' }).click();
      await page.getByLabel('Which state').selectOption('EG');
      expect(await optionValues(page, 'Action')).toEqual(['', 'ratified']);
      expect(await page.getByLabel('Action', { exact: true }).inputValue()).toBe('ratified');
      const form = page.locator('.record-change form');
      expect(await form.getByLabel('Headline').inputValue()).toBe('Egypt ratifies the CTBT');
      await form.getByLabel('Source URL').fill('https://www.ctbto.org/news/egypt');
      expect(await severeViolations(page)).toEqual([]);

      const shown = whenShown(reader.page, 'article[data-treaty-id="ctbt"] [data-party-summary]', '8 of 44 Annex 2 ratifications missing');
      const sentAt = await page.evaluate(() => Date.now());
      await page.getByRole('button', { name: 'Record change' }).click();
      expect((await shown) - sentAt).toBeLessThan(LIVE_MS);
      await page.getByText('Recorded: “Egypt ratifies the CTBT”').waitFor();
      await expect.poll(() => page.locator('.parties-table tbody tr[data-code="EG"]').getAttribute('data-standing')).toBe('ratified');

      // The record moves under the editor: the 409 says what China can do now.
      await page.getByLabel('Which state').selectOption('CN');
      expect(
        (await env.api.postUpdate('ctbt', { headline: 'China ratifies the CTBT', party: { code: 'CN', action: 'ratified' } })).status,
      ).toBe(201);
      await expect.poll(() => page.getByLabel('Action', { exact: true }).locator('option:checked').innerText()).toMatch(/not possible now/);
      await page.getByRole('button', { name: 'Record change' }).click();
      const actionField = page.locator('.field', { has: page.getByLabel('Action', { exact: true }) });
      await expect
        .poll(() => actionField.locator('.field-error').innerText())
        .toMatch(/China can now: Revoked its ratification, Suspended, Gave notice of withdrawal, Withdrew/);
      expect(await form.getByLabel('Headline').inputValue()).toBe('China ratifies the CTBT');

      // A reader sees no editing control.
      await reader.page.goto(`${env.server.url}/treaties/ctbt`);
      await reader.page.locator('.parties-table').waitFor();
      expect(await reader.page.getByRole('button', { name: 'Record a change' }).count()).toBe(0);
    });
  }, 90_000);

  it('works on a phone: the editor and the Parties form fit the screen, axe clean', async () => {
    const desk = await signedInEditor('phone-desk', PHONE);
    await checkedPages([desk], async () => {
      const { page } = desk;
      await page.getByLabel('Treaty', { exact: true }).selectOption('cfe');
      await page.getByLabel('Headline').fill('A long headline from the field that must wrap rather than widen the page');
      await page.locator('.post-preview .treaty-card').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      expect(await severeViolations(page)).toEqual([]);
      await page.goto(`${env.server.url}/treaties/ctbt`);
      await page.locator('.parties-table').waitFor();
      await page.getByRole('button', { name: 'Record a change' }).click();
      await page.getByLabel('Which state').waitFor();
      // The form fits, and the states' table scrolls within its own region, not the page.
      expect(
        await page
          .locator('.record-change form *')
          .evaluateAll((all) => all.filter((el) => el.getBoundingClientRect().right > window.innerWidth).length),
      ).toBe(0);
      expect(await fitsWidth(page)).toBe(true);
      expect(await severeViolations(page)).toEqual([]);
    });
  }, 60_000);
});
