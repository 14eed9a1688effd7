import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { PostUpdateResponse, Role, TreatyDetailResponse } from '@treaty-watch/shared';
import { request } from '../support/api-client';
import { severeViolations } from '../support/axe';
import { hasChromium } from '../support/chromium';
import { checkedPages, deskPage, PHONE, signInContext, signInHere } from '../support/desk';
import { tabTo } from '../support/browser-page';
import { useChromium } from '../support/use-chromium';

describe.skipIf(!hasChromium)('correcting, retracting and administering treaties on the treaty page', () => {
  const env = useChromium();

  const createToken = async (name: string, role: Role, treaties?: string[]) =>
    (await env.api.createToken({ name, role, ...(treaties ? { treaties } : {}) })).token;

  const hasFocus = (target: Locator) => target.evaluate((element) => element === document.activeElement);

  const historyItem = (page: Page, headline: string) => page.locator('.history > li', { hasText: headline });

  it('a signed-in editor corrects one update by keyboard and retracts another; a signed-out tab sees both within a second', async () => {
    const token = await createToken('inf-corrector', 'editor', ['inf']);
    const first = (
      await env.api.postUpdate<PostUpdateResponse>('inf', {
        headline: 'Review conference opens in New Yrok',
        body: 'Delegates meet for four weeks.',
      })
    ).body;
    await env.api.postUpdate('inf', { headline: 'Conference postponed, one report says' });
    const desk = await deskPage(env.browser);
    const viewer = await deskPage(env.browser);
    await checkedPages([desk, viewer], async () => {
      await desk.page.goto(`${env.server.url}/signin?next=/treaties/inf`);
      await signInHere(desk.page, token);
      expect(new URL(desk.page.url()).pathname).toBe('/treaties/inf');
      await viewer.page.goto(`${env.server.url}/treaties/inf`);
      await historyItem(viewer.page, 'New Yrok').waitFor();
      expect(await viewer.page.getByRole('button', { name: /^(Correct|Retract|Edit treaty)/ }).count()).toBe(0);

      const item = historyItem(desk.page, 'New Yrok');
      // By keyboard alone, from the top of the page: Tab to the update's Correct, Enter opens the form.
      await item.getByRole('button', { name: /^Correct/ }).waitFor();
      await tabTo(desk.page, item.getByRole('button', { name: /^Correct/ }));
      await desk.page.keyboard.press('Enter');
      const headline = desk.page.getByLabel('Headline');
      await expect.poll(() => hasFocus(headline)).toBe(true);
      // A hostile source first: refused beside its field, and nothing typed is lost.
      await desk.page.keyboard.press('ControlOrMeta+A');
      await desk.page.keyboard.type('Review conference opens in New York');
      await desk.page.keyboard.press('Tab');
      await desk.page.keyboard.press('Tab');
      await desk.page.keyboard.type('javascript:alert(1)');
      await desk.page.keyboard.press('Tab');
      await desk.page.keyboard.press('Enter');
      const sourceField = desk.page.locator('.field', { has: desk.page.getByLabel('Source URL') });
      await sourceField.locator('.field-error').waitFor();
      expect(await headline.inputValue()).toBe('Review conference opens in New York');
      expect(await desk.page.getByLabel('Source URL').inputValue()).toBe('javascript:alert(1)');
      expect(await severeViolations(desk.page)).toEqual([]);

      // The refused field has the keyboard, its error read out with it.
      await expect.poll(() => hasFocus(desk.page.getByLabel('Source URL'))).toBe(true);
      await desk.page.keyboard.press('ControlOrMeta+A');
      await desk.page.keyboard.type('https://www.un.org/en/conferences/npt2020');
      await desk.page.keyboard.press('Tab');
      await desk.page.keyboard.press('Enter');
      await historyItem(viewer.page, 'New York').waitFor({ timeout: 1000 });
      await desk.page.getByRole('status').filter({ hasText: 'Correction saved.' }).waitFor();

      // The earlier wording, with the word that changed struck and the new one inserted, and who changed it.
      const corrected = historyItem(viewer.page, 'New York');
      await corrected.getByText('Earlier wording (1)').click();
      await corrected.locator('q', { hasText: 'New Yrok' }).waitFor();
      expect(await corrected.locator('.revision-changes del').allInnerTexts()).toContain('Yrok');
      expect(await corrected.locator('.revision-changes ins').allInnerTexts()).toContain('York');
      expect(await corrected.locator('.revision-meta').innerText()).toMatch(/Corrected .* UTC by inf-corrector/);
      const detail = (await request<TreatyDetailResponse>(`${env.server.url}/api/treaties/inf`)).body;
      expect(detail.updates.find((u) => u.id === first.update.id)).toMatchObject({
        headline: 'Review conference opens in New York',
        body: 'Delegates meet for four weeks.',
      });

      const other = historyItem(desk.page, 'Conference postponed');
      await other.getByRole('button', { name: /^Retract/ }).click();
      await desk.page.getByRole('button', { name: 'Retract update' }).click();
      await desk.page
        .locator('.field', { has: desk.page.getByLabel('Reason') })
        .locator('.field-error')
        .waitFor();
      await desk.page.getByLabel('Reason').fill('The report was not confirmed');
      await desk.page.getByRole('button', { name: 'Retract update' }).click();
      await historyItem(viewer.page, 'Conference postponed')
        .locator('.retracted', { hasText: 'The report was not confirmed' })
        .waitFor({ timeout: 1000 });
      expect(await historyItem(viewer.page, 'Conference postponed').getAttribute('class')).toMatch(/is-retracted/);
    });
  }, 90_000);

  it('a scoped editor sees Correct only on its own treaties, on a phone too', async () => {
    await env.api.postUpdate('new-start', { headline: 'New START inspections paused' });
    const desk = await deskPage(env.browser, PHONE);
    await checkedPages([desk], async () => {
      await signInContext(desk.context, env.server.url, await createToken('npt-only', 'editor', ['npt']));
      await desk.page.goto(`${env.server.url}/treaties/npt`);
      await desk.page
        .getByRole('button', { name: /^Correct/ })
        .first()
        .waitFor();
      await desk.page
        .getByRole('button', { name: /^Correct/ })
        .first()
        .click();
      expect(await severeViolations(desk.page)).toEqual([]);
      const form = await desk.page.locator('form.desk-form').boundingBox();
      expect(form && form.x >= 0 && form.x + form.width <= PHONE.width).toBe(true);
      expect(await desk.page.getByRole('button', { name: 'Edit treaty' }).count()).toBe(0);

      await desk.page.goto(`${env.server.url}/treaties/new-start`);
      await historyItem(desk.page, 'New START inspections paused').waitFor();
      expect(await desk.page.getByRole('button', { name: /^(Correct|Retract|Edit treaty)/ }).count()).toBe(0);
    });
  }, 90_000);

  it('two admins edit the same treaty: the second save shows the conflict and reapplies on top, nothing lost', async () => {
    const first = await deskPage(env.browser);
    const second = await deskPage(env.browser, PHONE);
    await checkedPages([first, second], async () => {
      await signInContext(first.context, env.server.url, await createToken('admin-one', 'admin'));
      await signInContext(second.context, env.server.url, await createToken('admin-two', 'admin'));
      for (const { page } of [first, second]) {
        await page.goto(`${env.server.url}/treaties/open-skies`);
        await page.getByRole('button', { name: 'Edit treaty' }).click();
      }
      expect(await severeViolations(first.page)).toEqual([]);

      await first.page.getByLabel('Summary').fill('Unarmed observation flights over each other’s territory.');
      await first.page.getByRole('button', { name: 'Save treaty' }).click();
      await first.page.getByRole('status').filter({ hasText: 'Treaty saved.' }).waitFor();
      await first.page.locator('.summary', { hasText: 'Unarmed observation flights' }).waitFor();

      await second.page.getByLabel('Short name').fill('Open Skies Treaty');
      await second.page.getByRole('button', { name: 'Add source' }).click();
      await second.page
        .getByRole('group', { name: /^Source \d+$/ })
        .last()
        .getByLabel('Title')
        .fill('OSCE page');
      await second.page
        .getByRole('group', { name: /^Source \d+$/ })
        .last()
        .getByLabel('URL')
        .fill('https://www.osce.org/library/14127');
      await second.page.getByRole('button', { name: 'Save treaty' }).click();
      const conflict = second.page.locator('.treaty-conflict');
      await conflict.waitFor();
      expect(await conflict.locator('tr', { hasText: 'Summary' }).innerText()).toMatch(/Unarmed observation flights/);
      expect(await second.page.getByLabel('Short name').inputValue()).toBe('Open Skies Treaty');
      expect(await severeViolations(second.page)).toEqual([]);
      let detail = (await request<TreatyDetailResponse>(`${env.server.url}/api/treaties/open-skies`)).body;
      expect(detail.treaty.shortName).not.toBe('Open Skies Treaty');

      await second.page.getByRole('button', { name: /^Reapply my edit/ }).click();
      expect(await second.page.getByLabel('Summary').inputValue()).toBe('Unarmed observation flights over each other’s territory.');
      await second.page.getByRole('button', { name: 'Save treaty' }).click();
      await second.page.getByRole('status').filter({ hasText: 'Treaty saved.' }).waitFor();
      detail = (await request<TreatyDetailResponse>(`${env.server.url}/api/treaties/open-skies`)).body;
      expect(detail.treaty).toMatchObject({
        shortName: 'Open Skies Treaty',
        summary: 'Unarmed observation flights over each other’s territory.',
      });
      expect(detail.treaty.sources.map((s) => s.url)).toContain('https://www.osce.org/library/14127');
    });
  }, 90_000);

  it('an admin creates a treaty at /admin/treaties/new, with a bad id refused beside its field', async () => {
    const desk = await deskPage(env.browser);
    await checkedPages([desk], async () => {
      await signInContext(desk.context, env.server.url, await createToken('admin-new', 'admin'));
      await desk.page.goto(`${env.server.url}/treaties/npt`);
      await desk.page.getByRole('link', { name: 'New treaty' }).click();
      await desk.page.getByRole('heading', { name: 'New treaty' }).waitFor();
      await desk.page.getByLabel('Id', { exact: true }).fill('Not A Slug\u0000');
      await desk.page.getByLabel('Name', { exact: true }).fill('Fissile Material Cut-off Treaty');
      await desk.page.getByLabel('Short name').fill('FMCT');
      await desk.page.getByRole('button', { name: 'Create treaty' }).click();
      await desk.page
        .locator('.field', { has: desk.page.getByLabel('Id', { exact: true }) })
        .locator('.field-error')
        .waitFor();
      expect(await desk.page.getByLabel('Short name').inputValue()).toBe('FMCT');
      expect(await severeViolations(desk.page)).toEqual([]);

      await desk.page.getByLabel('Id', { exact: true }).fill('fmct');
      await desk.page.getByLabel('Category').selectOption('non_proliferation');
      await desk.page.getByLabel('Effective from').fill('2026-01-15');
      await desk.page.getByRole('button', { name: 'Create treaty' }).click();
      await expect
        .poll(() => desk.page.evaluate(() => document.querySelector('.form-error')?.textContent ?? window.location.pathname))
        .toBe('/treaties/fmct');
      await desk.page.getByRole('heading', { name: 'FMCT' }).waitFor();
      const detail = (await request<TreatyDetailResponse>(`${env.server.url}/api/treaties/fmct`)).body;
      expect(detail.treaty).toMatchObject({
        name: 'Fissile Material Cut-off Treaty',
        category: 'non_proliferation',
        statusSince: '2026-01-15T00:00:00.000Z',
      });
    });
  }, 90_000);
});
