import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { severeViolations } from '../support/axe';
import { openPage } from '../support/browser-page';
import { hasChromium } from '../support/chromium';
import { startServer } from '../support/in-process-server';
import { SmtpInbox, linkTo } from '../support/smtp-inbox';
import { useChromium } from '../support/use-chromium';

describe.skipIf(!hasChromium)('email alerts in the browser', () => {
  const inbox = new SmtpInbox();
  const options: NonNullable<Parameters<typeof startServer>[0]> = {};
  beforeAll(async () => {
    await inbox.start();
    options.mail = { smtpUrl: inbox.url, from: 'alerts@treaty-watch.test', perAddressPerHour: 20, retry: { baseMs: 1000, maxMs: 1000 } };
  });
  const env = useChromium(options);
  afterAll(() => inbox.stop());

  it('subscribe by keyboard alone, errors shown by their field, then confirm and unsubscribe from the links', async () => {
    const audited = await env.browser.newContext({ bypassCSP: true });
    const auditPage = await audited.newPage();
    await auditPage.goto(`${env.server.url}/subscribe`);
    await auditPage.getByLabel('Email address').waitFor();
    expect(await severeViolations(auditPage)).toEqual([]);
    await audited.close();

    const { page, errors } = await openPage(env.browser, `${env.server.url}/subscribe`);
    const email = page.getByLabel('Email address');
    await email.waitFor();

    await email.focus();
    await page.keyboard.type('reader at example.org');
    await page.keyboard.press('Enter');
    const emailError = page.locator('.field.has-error .field-error');
    await emailError.waitFor();
    expect(await emailError.innerText()).toContain('must be an email address');
    expect(await email.getAttribute('aria-invalid')).toBe('true');

    await email.fill('');
    await page.keyboard.type('browser-reader@example.org');
    // Every treaty → only those picked, by arrow key; then New START by Space.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('checkbox', { name: /New START/ }).waitFor();
    let onNewStart = false;
    for (let i = 0; i < 15 && !onNewStart; i++) {
      await page.keyboard.press('Tab');
      onNewStart = await page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.parentElement?.textContent.includes('New START') ?? false,
      );
    }
    expect(onNewStart).toBe(true);
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: /New START/ }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: /One digest a day/ }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Hour of the digest (UTC)').selectOption('6');
    await page.getByRole('button', { name: 'Subscribe' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Check your inbox at browser-reader@example.org').waitFor();

    await env.server.app.mail.check();
    await inbox.until(() => inbox.to('browser-reader@example.org').length === 1);
    const [confirmation] = inbox.to('browser-reader@example.org');
    if (!confirmation) throw new Error('no confirmation');
    expect(confirmation.parsed.text).toContain('these treaties: new-start, one digest a day at 06:00 UTC');

    await page.goto(linkTo(confirmation, '/subscribe/confirm'));
    await page.getByText('Confirmed. Alerts start with the next change.').waitFor();
    expect(await page.locator('.subscription-summary').innerText()).toBe(
      'browser-reader@example.org gets a digest every day at 06:00 UTC, for new-start.',
    );

    await page.goto(linkTo(confirmation, '/subscription'));
    await page.getByRole('heading', { name: 'Your email alerts' }).waitFor();
    await page.getByRole('radio', { name: /A message for each change/ }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();
    expect(await page.locator('.subscription-summary').innerText()).toBe(
      'browser-reader@example.org gets a message for each change, for new-start.',
    );
    await page.getByRole('button', { name: 'Unsubscribe and delete my address' }).click();
    await page.getByText('Unsubscribed. Your address has been deleted').waitFor();
    expect(await env.server.app.store.subscriptions.transaction((tx) => tx.byEmail('browser-reader@example.org'))).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('say alerts are not set up on a server without SMTP_URL', async () => {
    const plain = await startServer();
    try {
      const { page } = await openPage(env.browser, `${plain.url}/subscribe`);
      await page.getByText('Email alerts are not set up on this server').waitFor();
      expect(await page.getByLabel('Email address').count()).toBe(0);
      await page.close();
    } finally {
      await plain.close();
    }
  });
});
