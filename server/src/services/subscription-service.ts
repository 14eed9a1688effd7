import { randomUUID } from 'node:crypto';
import {
  DEFAULT_DIGEST_HOUR,
  type ChangeSubscriptionBody,
  type Subscription,
  type SubscriptionCounts,
  type SubscribeRequest,
} from '@treaty-watch/shared';
import { nextDigestAt } from '../mail/digest-time';
import { newMail } from '../mail/queue-mail';
import type { Store } from '../store/store';
import type { MailKind, SubscriptionRecord, SubscriptionTx, TokenPurpose } from '../store/subscription-store';
import { DomainError } from './errors';
import { hashSubscriptionToken } from './subscription-token';

/** A second request for the same address within this time mails nothing more: nobody can flood an inbox through us. */
const NOTICE_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const NOT_FOUND = 'This link is unknown or no longer works: the subscription may have ended, or a newer email replaced it.';

export function subscriptionView(record: SubscriptionRecord): Subscription {
  return {
    email: record.email,
    ...(record.treaties ? { treaties: record.treaties } : {}),
    cadence: record.cadence,
    ...(record.cadence === 'daily' ? { hour: record.hour ?? DEFAULT_DIGEST_HOUR } : {}),
    confirmed: record.confirmedAt !== undefined,
    createdAt: record.createdAt,
    ...(record.confirmedAt ? { confirmedAt: record.confirmedAt } : {}),
  };
}

export interface SubscriptionService {
  /** Whether mail can be sent at all (SMTP_URL is set). */
  readonly enabled: boolean;
  subscribe(body: SubscribeRequest): Promise<void>;
  confirm(token: string): Promise<Subscription>;
  view(token: string): Promise<Subscription>;
  change(body: ChangeSubscriptionBody): Promise<Subscription>;
  unsubscribe(token: string): Promise<void>;
  counts(): Promise<SubscriptionCounts>;
  lookup(email: string): Promise<Subscription>;
}

/**
 * Readers' email alerts, outside the log (a subscription is not news). Double opt-in: a new
 * address gets the confirmation and nothing else until its link is followed. Unsubscribing
 * deletes the address with everything queued for it.
 */
export function createSubscriptionService(
  store: Store,
  options: { enabled: boolean; queued: () => void },
  now: () => Date = () => new Date(),
): SubscriptionService {
  const subscriptions = store.subscriptions;

  async function owner(tx: SubscriptionTx, token: string, purpose: TokenPurpose): Promise<SubscriptionRecord> {
    const id = await tx.tokenOwner(hashSubscriptionToken(token), purpose);
    const record = id ? await tx.byId(id) : undefined;
    if (!record) throw new DomainError('not_found', NOT_FOUND);
    return record;
  }

  /** Queues a notice unless one of these kinds went to the address within the hour. */
  async function notice(tx: SubscriptionTx, record: SubscriptionRecord, kind: MailKind, at: Date): Promise<boolean> {
    const recent = await tx.queuedSince(
      record.id,
      ['confirm', 'already-subscribed'],
      new Date(at.getTime() - NOTICE_EVERY_MS).toISOString(),
    );
    if (recent.length > 0) return false;
    await tx.queueMail(newMail(record.id, kind, at.toISOString()), `${kind}:${record.id}:${at.toISOString()}`);
    return true;
  }

  /** A daily subscription's digest starts from now: what it missed before is not owed to it. */
  const digestFrom = async (record: SubscriptionRecord, at: Date): Promise<SubscriptionRecord> => {
    if (record.cadence !== 'daily') {
      const { nextDigestAt: _next, digestSeq: _seq, hour: _hour, ...immediate } = record;
      return immediate;
    }
    return {
      ...record,
      hour: record.hour ?? DEFAULT_DIGEST_HOUR,
      digestSeq: await store.currentSeq(),
      nextDigestAt: nextDigestAt(at, record.hour ?? DEFAULT_DIGEST_HOUR),
    };
  };

  return {
    enabled: options.enabled,
    async subscribe(body) {
      const at = now();
      const queued = await subscriptions.transaction(async (tx) => {
        const existing = await tx.byEmail(body.email);
        if (existing?.confirmedAt) return notice(tx, existing, 'already-subscribed', at);
        const record: SubscriptionRecord = {
          id: existing?.id ?? `sub_${randomUUID()}`,
          email: body.email,
          ...(body.treaties ? { treaties: [...new Set(body.treaties)] } : {}),
          cadence: body.cadence,
          ...(body.cadence === 'daily' ? { hour: body.hour ?? DEFAULT_DIGEST_HOUR } : {}),
          createdAt: existing?.createdAt ?? at.toISOString(),
        };
        await tx.save(record);
        return notice(tx, record, 'confirm', at);
      });
      if (queued) options.queued();
    },
    async confirm(token) {
      const at = now();
      return subscriptions.transaction(async (tx) => {
        const record = await owner(tx, token, 'confirm');
        const confirmed = await digestFrom({ ...record, confirmedAt: at.toISOString(), fromSeq: await store.currentSeq() }, at);
        await tx.save(confirmed);
        await tx.dropTokens(record.id, 'confirm');
        return subscriptionView(confirmed);
      });
    },
    async view(token) {
      return subscriptionView(await subscriptions.transaction((tx) => owner(tx, token, 'manage')));
    },
    async change(body) {
      const at = now();
      return subscriptions.transaction(async (tx) => {
        const record = await owner(tx, body.token, 'manage');
        const { treaties: _all, ...rest } = record;
        const treaties = body.treaties === undefined ? record.treaties : (body.treaties ?? undefined);
        const cadence = body.cadence ?? record.cadence;
        if (body.hour !== undefined && cadence !== 'daily')
          throw new DomainError('invalid', 'An hour is for a daily digest.', {
            errors: [{ field: 'hour', message: 'an hour is for a daily digest' }],
          });
        let next: SubscriptionRecord = {
          ...rest,
          ...(treaties ? { treaties: [...new Set(treaties)] } : {}),
          cadence,
          ...(body.hour !== undefined ? { hour: body.hour } : {}),
        };
        const retimed = cadence !== record.cadence || (body.hour !== undefined && body.hour !== record.hour);
        if (retimed && next.confirmedAt) next = await digestFrom(next, at);
        await tx.save(next);
        return subscriptionView(next);
      });
    },
    async unsubscribe(token) {
      await subscriptions.transaction(async (tx) => tx.remove((await owner(tx, token, 'manage')).id));
    },
    async counts() {
      const at = now();
      return subscriptions.counts(new Date(at.getTime() - DAY_MS).toISOString(), at.toISOString());
    },
    async lookup(email) {
      const record = await subscriptions.transaction((tx) => tx.byEmail(email));
      if (!record) throw new DomainError('not_found', 'No subscription has that address.');
      return subscriptionView(record);
    },
  };
}
