import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/src/store/store';
import type { MailRecord, SubscriptionRecord } from '../../server/src/store/subscription-store';
import { DATABASE_URL, pgTestStore, POSTGRES_MISSING, sqliteTestStore, type TestStore } from '../support/stores';

const AT = '2026-12-01T08:00:00.000Z';

const subscription = (id: string, email: string, extra: Partial<SubscriptionRecord> = {}): SubscriptionRecord => ({
  id,
  email,
  cadence: 'immediate',
  createdAt: AT,
  ...extra,
});
const mail = (id: string, subscriptionId: string, extra: Partial<MailRecord> = {}): MailRecord => ({
  id,
  subscriptionId,
  kind: 'change',
  state: 'pending',
  attempts: 0,
  createdAt: AT,
  nextAttemptAt: AT,
  ...extra,
});

/** Readers' subscriptions and the mail outbox, the same on both stores and shared by every process on one database. */
function contract(name: string, open: () => Promise<TestStore>, skip = false) {
  describe.skipIf(skip)(`subscriptions in the ${name} store`, () => {
    let handle: TestStore;
    let store: Store;
    let second: Store;
    beforeAll(async () => {
      handle = await open();
      store = handle.store;
      second = await handle.reopen();
    });
    afterAll(async () => {
      /* eslint-disable @typescript-eslint/no-unnecessary-condition -- unset if beforeAll failed before assigning these */
      await second?.close();
      await store?.close();
      await handle?.remove();
      /* eslint-enable @typescript-eslint/no-unnecessary-condition */
    });

    it('keeps one subscription an address, which another process finds by address, id and token', async () => {
      await store.subscriptions.transaction(async (tx) => {
        await tx.save(subscription('s1', 'one@example.org', { treaties: ['inf'] }));
        await tx.addToken('hash-1', 's1', 'confirm', AT);
      });
      await expect(store.subscriptions.transaction((tx) => tx.save(subscription('s2', 'one@example.org')))).rejects.toThrow();
      await second.subscriptions.transaction(async (tx) => {
        expect(await tx.byEmail('one@example.org')).toEqual(subscription('s1', 'one@example.org', { treaties: ['inf'] }));
        expect(await tx.tokenOwner('hash-1', 'confirm')).toBe('s1');
        expect(await tx.tokenOwner('hash-1', 'manage')).toBeUndefined();
      });
    });

    it('queues a message once per key, hands out due ones earliest first in seq order, and skips leased ones', async () => {
      await store.subscriptions.transaction(async (tx) => {
        await tx.save(subscription('s3', 'three@example.org'));
        await tx.queueMail(mail('m2', 's3', { seq: 12 }), 'change:s3:12');
        await tx.queueMail(mail('m1', 's3', { seq: 11 }), 'change:s3:11');
        await tx.queueMail(mail('m1-again', 's3', { seq: 11 }), 'change:s3:11');
        await tx.queueMail(mail('m3', 's3', { seq: 13, nextAttemptAt: '2026-12-01T09:00:00.000Z' }), 'change:s3:13');
        await tx.queueMail(mail('m4', 's3', { seq: 14, leaseId: 'l', leaseUntil: '2026-12-01T08:30:00.000Z' }), 'change:s3:14');
      });
      expect((await second.subscriptions.dueMail('2026-12-01T08:10:00.000Z', 10)).map((m) => m.id)).toEqual(['m1', 'm2']);
      expect((await second.subscriptions.dueMail('2026-12-01T09:00:00.000Z', 10)).map((m) => m.id)).toEqual(['m1', 'm2', 'm4', 'm3']);
    });

    it('counts what an address was sent in a window, and what waits', async () => {
      await store.subscriptions.transaction(async (tx) => {
        const sent = await tx.mail('m1');
        if (!sent) throw new Error('m1 is gone');
        await tx.saveMail({ ...sent, state: 'sent', sentAt: '2026-12-01T08:05:00.000Z' });
        expect(await tx.sentSince('s3', '2026-12-01T08:00:00.000Z')).toEqual(['2026-12-01T08:05:00.000Z']);
        expect(await tx.sentSince('s3', '2026-12-01T08:06:00.000Z')).toEqual([]);
        expect(await tx.queuedSince('s3', ['change'], AT)).toHaveLength(4);
        expect(await tx.queuedSince('s3', ['confirm'], AT)).toHaveLength(0);
      });
      const counts = await second.subscriptions.counts(AT, '2026-12-01T08:10:00.000Z');
      expect(counts).toMatchObject({ awaitingConfirmation: 2, confirmed: 0, queued: 3, sentLastDay: 1 });
    });

    it('keeps the cursor of queued changes, and finds the daily digests that are due', async () => {
      await store.subscriptions.transaction(async (tx) => {
        expect(await tx.cursor()).toBeUndefined();
        await tx.setCursor(41);
        await tx.save(
          subscription('d1', 'daily@example.org', {
            cadence: 'daily',
            hour: 7,
            confirmedAt: AT,
            nextDigestAt: '2026-12-02T07:00:00.000Z',
            digestSeq: 40,
          }),
        );
        await tx.save(
          subscription('d2', 'unconfirmed@example.org', { cadence: 'daily', hour: 7, nextDigestAt: '2026-12-02T07:00:00.000Z' }),
        );
      });
      await second.subscriptions.transaction(async (tx) => {
        expect(await tx.cursor()).toBe(41);
        expect(await tx.dueDigests('2026-12-02T06:59:59.999Z')).toEqual([]);
        expect((await tx.dueDigests('2026-12-02T07:00:00.000Z')).map((s) => s.id)).toEqual(['d1']);
        expect((await tx.confirmed('daily')).map((s) => s.id)).toEqual(['d1']);
      });
    });

    it('removes a subscription with its tokens and messages, and prunes addresses never confirmed', async () => {
      await store.subscriptions.transaction(async (tx) => {
        await tx.addToken('hash-3', 's3', 'manage', AT);
        await tx.remove('s3');
      });
      await second.subscriptions.transaction(async (tx) => {
        expect(await tx.byEmail('three@example.org')).toBeUndefined();
        expect(await tx.tokenOwner('hash-3', 'manage')).toBeUndefined();
        expect(await tx.mail('m2')).toBeUndefined();
        await tx.prune('2026-12-01T00:00:00.000Z', '2026-12-08T08:00:00.000Z');
        expect(await tx.byEmail('one@example.org')).toBeUndefined();
        expect(await tx.byEmail('daily@example.org')).toBeDefined();
      });
      expect(await second.subscriptions.counts(AT, AT)).toMatchObject({ awaitingConfirmation: 0, confirmed: 1, daily: 1, queued: 0 });
    });
  });
}

contract('SQLite', sqliteTestStore);
contract('PostgreSQL', () => pgTestStore(), !DATABASE_URL);
if (!DATABASE_URL) process.stdout.write(`${POSTGRES_MISSING}\n`);
