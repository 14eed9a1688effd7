import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Role } from '@treaty-watch/shared';
import { request } from '../support/api-client';
import { severeViolations } from '../support/axe';
import { hasChromium } from '../support/chromium';
import { DESK, deskPage, PHONE, signInHere } from '../support/desk';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { useChromium } from '../support/use-chromium';

describe.skipIf(!hasChromium)('signing in and managing access in the browser', () => {
  const env = useChromium();

  const createToken = (name: string, role: Role, treaties?: string[]) =>
    env.api.createToken({ name, role, ...(treaties ? { treaties } : {}) });

  /** Never 0: the page's own scripts must not find the token anywhere they could keep it. */
  const storedAnywhere = (page: Page, token: string) =>
    page.evaluate(
      (value) =>
        JSON.stringify(Object.entries(localStorage)).includes(value) ||
        JSON.stringify(Object.entries(sessionStorage)).includes(value) ||
        document.cookie.includes(value),
      token,
    );

  it('a signed-out desk page sends you to /signin and back; then /editor posts without the token pasted again', async () => {
    const { token } = await createToken('npt-desk', 'editor', ['npt']);
    const { page, errors, close } = await deskPage(env.browser);
    try {
      await page.goto(`${env.server.url}/editor`);
      await page.waitForURL((url) => url.pathname === '/signin' && url.searchParams.get('next') === '/editor');
      await page.getByLabel('Token').fill('tw_not-a-real-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const field = page.locator('.field', { has: page.getByLabel('Token') });
      await expect.poll(() => field.locator('.field-error').innerText()).toMatch(/unknown or has been revoked/);
      await signInHere(page, token);
      expect(new URL(page.url()).pathname).toBe('/editor');
      await expect.poll(() => page.locator('header .session-badge').innerText()).toMatch(/npt-desk\s*·\s*editor\s*·\s*npt/);
      expect(await storedAnywhere(page, token)).toBe(false);
      expect(await page.getByLabel('Token').count()).toBe(0);

      await page.getByLabel('Treaty').selectOption('npt');
      await page.getByLabel('Headline').fill('Posted by a signed-in desk');
      await page.getByRole('button', { name: 'Post update' }).click();
      await page.getByText('Posted to NPT: “Posted by a signed-in desk”').waitFor();

      await page.reload();
      await page.locator('header .session-badge', { hasText: 'npt-desk' }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/signin');
      expect((await request(`${env.server.url}/api/treaties/npt`)).status).toBe(200);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('/admin/tokens creates a token shown once, and revoking it signs out its open session at its next request', async () => {
    const admin = await deskPage(env.browser);
    const desk = await deskPage(env.browser);
    try {
      await admin.page.goto(`${env.server.url}/admin/tokens`);
      await signInHere(admin.page, ADMIN_TOKEN);
      await admin.page.getByLabel('Name').fill('night-desk');
      await admin.page.getByLabel('Role').selectOption('editor');
      await admin.page.getByLabel('INF Treaty', { exact: true }).check();
      await admin.page.getByRole('button', { name: 'Create token' }).click();
      const value = admin.page.getByLabel('New token value');
      await value.waitFor();
      expect(await admin.page.getByText(/shown only this once/).count()).toBe(1);
      const token = await value.inputValue();
      expect(token).toMatch(/^tw_/);
      const row = admin.page.locator('tbody tr', { hasText: 'night-desk' });
      await expect.poll(() => row.innerText()).toMatch(/editor\s+inf/);

      await desk.page.goto(`${env.server.url}/editor`);
      await signInHere(desk.page, token);
      await desk.page.locator('header .session-badge', { hasText: 'night-desk' }).waitFor();

      await row.getByRole('button', { name: 'Revoke night-desk' }).click();
      const confirm = admin.page.getByRole('group', { name: 'Confirm revoking night-desk' });
      expect(await confirm.innerText()).toContain('Revoke “night-desk”?');
      await confirm.getByRole('button', { name: 'Revoke “night-desk”' }).click();
      await expect.poll(() => row.innerText()).not.toMatch(/\bno\b/);

      await desk.page.getByLabel('Treaty').selectOption('inf');
      await desk.page.getByLabel('Headline').fill('After the revocation');
      await desk.page.getByRole('button', { name: 'Post update' }).click();
      await desk.page.waitForURL((url) => url.pathname === '/signin');
      const inf = await request<{ updates: { headline: string }[] }>(`${env.server.url}/api/treaties/inf`);
      expect(inf.body.updates.map((u) => u.headline)).not.toContain('After the revocation');
      expect([...admin.errors, ...desk.errors]).toEqual([]);
    } finally {
      await admin.close();
      await desk.close();
    }
  });

  it('/admin/audit lists what happened with the right names (signing in too), filtered by token, treaty and kind', async () => {
    const { token, info } = await createToken('audit-desk', 'editor');
    expect((await env.api.postUpdate('ctbt', { headline: 'Audited post' }, { token })).status).toBe(201);
    const { page, errors, close } = await deskPage(env.browser);
    try {
      await page.goto(`${env.server.url}/admin/audit`);
      await signInHere(page, ADMIN_TOKEN);
      const rows = page.locator('tbody tr');
      await rows.first().waitFor();
      await page.getByLabel('Token').selectOption(info.id);
      await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringMatching(/audit-desk\s+update\.posted\s+\S+\s+audit-desk/)]);
      await page.getByLabel('Token').selectOption('');
      await page.getByLabel('Kind').selectOption('token.created');
      await expect.poll(() => rows.first().innerText()).toMatch(new RegExp(`admin\\s+token\\.created\\s+${info.id}\\s+ADMIN_TOKEN`));
      await page.getByLabel('Kind').selectOption('session.started');
      await expect.poll(() => rows.first().innerText()).toMatch(/admin\s+session\.started\s+env:ADMIN_TOKEN\s+ADMIN_TOKEN/);
      await page.getByLabel('Kind').selectOption('');
      await page.getByLabel('Treaty').selectOption('ctbt');
      await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringMatching(/audit-desk\s+update\.posted/)]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the sign-in, tokens and audit pages: no serious axe finding, keyboard alone, desk and phone sizes', async () => {
    for (const viewport of [DESK, PHONE]) {
      const { page, close } = await deskPage(env.browser, viewport);
      try {
        await page.goto(`${env.server.url}/signin?next=/admin/tokens`);
        await page.getByLabel('Token').waitFor();
        expect(await severeViolations(page), `signin at ${viewport.width}`).toEqual([]);
        // Keyboard alone: Tab reaches the field, typing fills it, Enter signs in.
        let reached = false;
        for (let i = 0; i < 20 && !reached; i++) {
          await page.keyboard.press('Tab');
          reached = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent === 'Token');
        }
        expect(reached).toBe(true);
        expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
        await page.keyboard.type(ADMIN_TOKEN);
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === '/admin/tokens');
        await page.getByRole('button', { name: 'Create token' }).waitFor();
        expect(await severeViolations(page), `tokens at ${viewport.width}`).toEqual([]);
        await page.goto(`${env.server.url}/admin/audit`);
        await page.locator('tbody tr').first().waitFor();
        expect(await severeViolations(page), `audit at ${viewport.width}`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `page wider than ${viewport.width}`).toBeLessThanOrEqual(0);
      } finally {
        await close();
      }
    }
  });
});
