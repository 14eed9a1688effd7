import type { Browser, Page } from 'playwright-core';
import { checkedPages, deskPage, signInHere } from './desk';
import { ADMIN_TOKEN } from './in-process-server';
import { WebhookReceiver } from './webhook-receiver';

/**
 * Opens /admin/webhooks signed in as the admin, with a receiver listening for the endpoint the
 * steps register; afterwards checks the page threw no error, and closes page and receiver.
 */
export async function onWebhooksPage(
  browser: Browser,
  base: string,
  viewport: { width: number; height: number },
  steps: (page: Page, receiver: WebhookReceiver) => Promise<void>,
): Promise<void> {
  const receiver = new WebhookReceiver();
  await receiver.start();
  const desk = await deskPage(browser, viewport);
  try {
    await checkedPages([desk], async () => {
      await desk.page.goto(`${base}/admin/webhooks`);
      await signInHere(desk.page, ADMIN_TOKEN);
      await steps(desk.page, receiver);
    });
  } finally {
    await receiver.stop();
  }
}
