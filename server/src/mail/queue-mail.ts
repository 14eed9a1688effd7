import { randomUUID } from 'node:crypto';
import { DEFAULT_DIGEST_HOUR, type Change } from '@treaty-watch/shared';
import type { Store } from '../store/store';
import type { MailRecord, SubscriptionRecord, SubscriptionTx } from '../store/subscription-store';
import { follows, isMailed } from './change-content';
import { nextDigestAt } from './digest-time';

/** Changes read from the log per round; more wait for the next. */
const BATCH = 200;

export function newMail(
  subscriptionId: string,
  kind: MailRecord['kind'],
  at: string,
  extra: Pick<MailRecord, 'seq' | 'afterSeq'> = {},
): MailRecord {
  return { id: `mail_${randomUUID()}`, subscriptionId, kind, ...extra, state: 'pending', attempts: 0, createdAt: at, nextAttemptAt: at };
}

const wants = (subscription: SubscriptionRecord, change: Change) =>
  (subscription.fromSeq ?? Number.POSITIVE_INFINITY) < change.seq && isMailed(change) && follows(subscription.treaties, change);

/**
 * Turns the log's changes since the cursor into one message per immediate subscriber who wants
 * each, and moves the cursor, in one transaction: a change that is in the log is queued once,
 * whatever restarts, and the message's key (subscriber and seq) makes a second queuing a no-op.
 */
export async function queueChanges(store: Store, at: Date): Promise<void> {
  const cursor = await store.subscriptions.transaction(async (tx) => {
    const stored = await tx.cursor();
    if (stored !== undefined) return stored;
    // First round on this database: nothing earlier than the oldest confirmation can be owed.
    const froms = (await tx.confirmed('immediate')).map((s) => s.fromSeq ?? 0);
    const start = Math.min(await store.currentSeq(), ...froms);
    await tx.setCursor(start);
    return start;
  });
  const changes = await store.changesAfter(cursor, BATCH);
  const last = changes.at(-1);
  if (!last) return;
  await store.subscriptions.transaction(async (tx) => {
    // Another process moved it meanwhile: it queued these.
    if ((await tx.cursor()) !== cursor) return;
    const subscribers = await tx.confirmed('immediate');
    for (const change of changes) {
      for (const subscriber of subscribers) {
        if (wants(subscriber, change))
          await tx.queueMail(
            newMail(subscriber.id, 'change', at.toISOString(), { seq: change.seq }),
            `change:${subscriber.id}:${change.seq}`,
          );
      }
    }
    await tx.setCursor(last.seq);
  });
}

/** Whether any change in (after, upTo] is one the subscriber would be mailed. */
async function anyWanted(store: Store, subscription: SubscriptionRecord, after: number, upTo: number): Promise<boolean> {
  for (let from = after; from < upTo;) {
    const changes = (await store.changesAfter(from, BATCH)).filter((c) => c.seq <= upTo);
    if (changes.some((change) => wants(subscription, change))) return true;
    const last = changes.at(-1);
    if (!last) return false;
    from = last.seq;
  }
  return false;
}

/**
 * Queues the digest of every daily subscription whose hour has come: one message covering the
 * changes since its last digest (none when nothing it follows changed), and its next hour set,
 * in one transaction. A digest that fell due while the server was down goes out at start, once.
 */
export async function queueDigests(store: Store, at: Date): Promise<void> {
  const seq = await store.currentSeq();
  await store.subscriptions.transaction(async (tx: SubscriptionTx) => {
    for (const subscription of await tx.dueDigests(at.toISOString())) {
      const after = subscription.digestSeq ?? subscription.fromSeq ?? seq;
      if (seq > after && (await anyWanted(store, subscription, after, seq))) {
        await tx.queueMail(
          newMail(subscription.id, 'digest', at.toISOString(), { afterSeq: after, seq }),
          `digest:${subscription.id}:${seq}`,
        );
      }
      await tx.save({ ...subscription, digestSeq: seq, nextDigestAt: nextDigestAt(at, subscription.hour ?? DEFAULT_DIGEST_HOUR) });
    }
  });
}
