import { afterAll, describe, expect, it } from 'vitest';
import { oneClickOf } from '../support/smtp-inbox';
import { DATABASE_URL, pgTestStore, POSTGRES_MISSING, type TestStore } from '../support/stores';
import { testClock } from '../support/test-clock';
import { useMailServer } from '../support/use-mail-server';

if (!DATABASE_URL) process.stdout.write(`${POSTGRES_MISSING}\n`);

describe.skipIf(!DATABASE_URL)('email alerts on PostgreSQL', () => {
  const clock = testClock();
  let handle: TestStore | undefined;
  const board = useMailServer({
    now: clock.now,
    store: async () => {
      if (handle) return handle.reopen();
      handle = await pgTestStore();
      return handle.store;
    },
  });
  afterAll(() => handle?.remove());

  it('confirm, mail each update once across a restart, and delete the address on a one-click unsubscribe', async () => {
    const email = 'pg-reader@example.org';
    await board.subscribed({ email, treaties: ['new-start'] });
    await board.api.post('/api/treaties/new-start/updates', { headline: 'Mailed from PostgreSQL' });
    const [, update] = await board.delivered(email, 2);
    if (!update) throw new Error('no update mail');
    await board.server.restart();
    await board.server.app.mail.check();
    expect(board.inbox.to(email).map((mail) => mail.parsed.subject)).toEqual([
      'Confirm your Treaty Watch alerts',
      'New START: Mailed from PostgreSQL',
    ]);
    const answer = await fetch(oneClickOf(update), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(answer.status).toBe(200);
    expect(await board.server.app.store.subscriptions.transaction((tx) => tx.byEmail(email))).toBeUndefined();
  });
});
