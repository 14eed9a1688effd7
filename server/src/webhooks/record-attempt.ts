import type { WebhookAttempt } from '@treaty-watch/shared';
import type { Store, StoreTx } from '../store/store';
import type { DeliveryRecord, WebhookRecord } from '../store/webhook-store';
import { retryDelay, type RetryPolicy } from './retry';

/** Attempts kept in a delivery's log. */
const HISTORY = 20;

export interface AttemptOutcome {
  endpointId: string;
  delivery: DeliveryRecord;
  attempt: WebhookAttempt;
  ok: boolean;
  now: Date;
  retry: RetryPolicy;
  disableAfterMs: number;
}

const said = (attempt: WebhookAttempt) => (attempt.status !== undefined ? `HTTP ${attempt.status}` : (attempt.error ?? 'no answer'));

/** The delivery as it stands, if this sender still holds its lease; undefined once another took it over. */
async function held(tx: StoreTx, delivery: DeliveryRecord): Promise<DeliveryRecord | undefined> {
  const current = await tx.delivery(delivery.id);
  return current?.state === 'pending' && current.leaseId === delivery.leaseId ? current : undefined;
}

const unleased = ({ leaseId: _id, leaseUntil: _until, ...rest }: DeliveryRecord): DeliveryRecord => rest;

/** Hands a delivery back untried (the server is stopping), if it is still ours. */
export function releaseLease(store: Store, delivery: DeliveryRecord): Promise<void> {
  return store.transaction(async (tx) => {
    const current = await held(tx, delivery);
    if (current) await tx.saveDelivery(unleased(current));
  });
}

export interface Recorded {
  /** Why this attempt disabled the endpoint, when it did. */
  disabled?: string;
  /** The lease ran out mid-attempt and another sender took the delivery over: nothing was written. */
  stale?: true;
}

/**
 * Writes down one attempt: delivered, or due again after a backoff. A success clears the
 * endpoint's failure record; a day of nothing but failures disables it. Only the holder of the
 * lease writes, so a slow attempt can never undo one that another sender completed.
 */
export function recordAttempt(store: Store, outcome: AttemptOutcome): Promise<Recorded> {
  const { attempt, ok, now } = outcome;
  return store.transaction(async (tx): Promise<Recorded> => {
    const endpoint = await tx.getWebhook(outcome.endpointId);
    // Deleted while this attempt was under way: its deliveries went with it.
    if (!endpoint) return {};
    const current = await held(tx, outcome.delivery);
    if (!current) return { stale: true };
    const attempts = current.attempts + 1;
    const history = [...current.history, attempt].slice(-HISTORY);
    if (ok) {
      await tx.saveDelivery({ ...unleased(current), state: 'delivered', attempts, history, deliveredAt: attempt.at });
      if (endpoint.failingSince) {
        const { failingSince: _since, ...recovered } = endpoint;
        await tx.saveWebhook(recovered);
      }
      return {};
    }
    const nextAttemptAt = new Date(now.getTime() + retryDelay(attempts, outcome.retry)).toISOString();
    await tx.saveDelivery({ ...unleased(current), attempts, history, nextAttemptAt });
    const failingSince = endpoint.failingSince ?? attempt.at;
    const giveUp = endpoint.enabled && now.getTime() - Date.parse(failingSince) >= outcome.disableAfterMs;
    const reason = `every attempt failed since ${failingSince} (last: ${said(attempt)})`;
    const next: WebhookRecord = {
      ...endpoint,
      failingSince,
      ...(giveUp ? { enabled: false, disabledAt: now.toISOString(), disabledReason: reason } : {}),
    };
    await tx.saveWebhook(next);
    return giveUp ? { disabled: reason } : {};
  });
}
