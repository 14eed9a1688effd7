import { afterAll, beforeAll } from 'vitest';
import type { MailConfig } from '../../server/src/config';
import type { Problem, SubscribeBody, SubscriptionResponse } from '@treaty-watch/shared';
import type { Api } from './api-client';
import type { startServer } from './in-process-server';
import { SmtpInbox, linkTo, tokenIn } from './smtp-inbox';
import { useServer } from './use-server';

/** Retries a test can reach by moving the clock a few seconds. */
const TEST_RETRY = { baseMs: 2000, maxMs: 10_000 };

/**
 * A test file's server that mails through a real SMTP server on loopback, started first so the
 * server is configured with its address. `perAddressPerHour` is the mail rate under test.
 */
export function useMailServer(options: Omit<NonNullable<Parameters<typeof startServer>[0]>, 'mail'> & { perAddressPerHour?: number } = {}) {
  const inbox = new SmtpInbox();
  const { perAddressPerHour = 20, ...rest } = options;
  const serverOptions: NonNullable<Parameters<typeof startServer>[0]> = { ...rest };
  beforeAll(async () => {
    await inbox.start();
    const mail: MailConfig = { smtpUrl: inbox.url, from: 'alerts@treaty-watch.test', perAddressPerHour, retry: TEST_RETRY };
    serverOptions.mail = mail;
  });
  const board = useServer(serverOptions);
  afterAll(() => inbox.stop());

  /** Runs the mail round a second would have, then waits for the inbox to hold `count` messages for `email`. */
  async function delivered(email: string, count: number) {
    await board.server.app.mail.check();
    await inbox.until(() => inbox.to(email).length >= count, 10_000, `${count} messages to ${email}`);
    return inbox.to(email);
  }

  /** Subscribes, follows the confirmation link, and answers the subscription as confirmed. */
  async function subscribed(body: SubscribeBody) {
    const api: Api = board.api;
    const asked = await api.post<Problem>('/api/subscriptions', body, { token: null });
    if (asked.status !== 202) throw new Error(`subscribe answered ${asked.status}: ${JSON.stringify(asked.body)}`);
    const before = inbox.to(body.email).length;
    const [confirmation] = (await delivered(body.email, before + 1)).slice(before);
    if (!confirmation) throw new Error('no confirmation arrived');
    const token = tokenIn(linkTo(confirmation, '/subscribe/confirm'));
    const confirmed = await api.post<SubscriptionResponse>('/api/subscriptions/confirm', { token }, { token: null });
    if (confirmed.status !== 200) throw new Error(`confirm answered ${confirmed.status}`);
    return { confirmation, subscription: confirmed.body.subscription };
  }

  return {
    inbox,
    get server() {
      return board.server;
    },
    get api() {
      return board.api;
    },
    delivered,
    subscribed,
  };
}
