import { describe, expect, it } from 'vitest';
import type { SlackMessage, TeamsMessage } from '@treaty-watch/shared';
import { severeViolations } from '../support/axe';
import { CHROMIUM_MISSING, hasChromium } from '../support/chromium';
import { useChromium } from '../support/use-chromium';
import { onWebhooksPage } from '../support/webhooks-page';

if (!hasChromium) process.stdout.write(`${CHROMIUM_MISSING}\n`);

describe.skipIf(!hasChromium)('chat formats on the webhooks admin page', () => {
  const env = useChromium();

  it('picks a format, previews its message, registers it, sends a test and shows the answer, and changes the format', async () => {
    await onWebhooksPage(env.browser, env.server.url, { width: 1400, height: 1000 }, async (page, receiver) => {
      const form = page.getByRole('form', { name: 'Register an endpoint' });
      await form.getByLabel('Endpoint URL').fill(receiver.url);
      await form.getByLabel('Format').selectOption('discord');
      await form.getByText('Preview the message').click();
      await expect.poll(() => form.getByLabel('Preview of the discord message').innerText()).toMatch(/"embeds"[\s\S]*"allowed_mentions"/);
      await form.getByLabel('Format').selectOption('slack');
      const preview = await form.getByLabel('Preview of the slack message').innerText();
      expect(preview).toContain('"blocks"');
      expect(preview).toContain('Test message from Treaty Watch');
      expect(await severeViolations(page)).toEqual([]);
      await form.getByRole('button', { name: 'Register endpoint' }).click();
      receiver.secret = (await page.locator('.secret-value').innerText()).trim();

      const card = page.getByRole('listitem', { name: `Endpoint ${receiver.url}` });
      await expect.poll(() => card.innerText()).toMatch(/Slack \(incoming webhook\)/);
      await card.getByRole('button', { name: 'Send test' }).click();
      await expect.poll(() => card.getByRole('status').innerText()).toMatch(/^Delivered: the endpoint answered 204 in \d+ ms\.$/);
      const [message] = receiver.delivered.map((r) => r.payload as unknown as SlackMessage);
      expect(message?.blocks[1]).toEqual({
        type: 'section',
        text: { type: 'mrkdwn', text: 'Test message from Treaty Watch: this webhook works' },
      });

      await card.getByLabel('Format').selectOption('teams');
      await expect.poll(() => card.locator('.hint').first().innerText()).toMatch(/Microsoft Teams/);
      receiver.failAlways(500);
      await card.getByRole('button', { name: 'Send test' }).click();
      await expect.poll(() => card.getByRole('status').innerText()).toMatch(/^Not delivered: the endpoint answered 500/);
      const teams = receiver.received.at(-1)?.payload as unknown as TeamsMessage;
      expect(teams.attachments[0].content.type).toBe('AdaptiveCard');
    });
  });
});
