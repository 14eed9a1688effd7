import type { WebhookAttempt } from '@treaty-watch/shared';
import type { Store } from '../store/store';
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

/**
 * Writes down one attempt: delivered, or due again after a backoff. A success clears the
 * endpoint's failure record; a day of nothing but failures disables it. Returns the reason when
 * this attempt disabled the endpoint.
 */
export function recordAttempt(store: Store, outcome: AttemptOutcome): Promise<string | undefined> {
  const { delivery, attempt, ok, now } = outcome;
  return store.transaction(async (tx) => {
    const endpoint = await tx.webhook(outcome.endpointId);
    // Deleted while this attempt was under way: its deliveries went with it.
    if (!endpoint) return undefined;
    const { leaseUntil: _lease, ...rest } = delivery;
    const attempts = delivery.attempts + 1;
    const history = [...delivery.history, attempt].slice(-HISTORY);
    if (ok) {
      await tx.saveDelivery({ ...rest, state: 'delivered', attempts, history, deliveredAt: attempt.at });
      if (endpoint.failingSince) {
        const { failingSince: _since, ...recovered } = endpoint;
        await tx.saveWebhook(recovered);
      }
      return undefined;
    }
    const nextAttemptAt = new Date(now.getTime() + retryDelay(attempts, outcome.retry)).toISOString();
    await tx.saveDelivery({ ...rest, attempts, history, nextAttemptAt });
    const failingSince = endpoint.failingSince ?? attempt.at;
    const giveUp = endpoint.enabled && now.getTime() - Date.parse(failingSince) >= outcome.disableAfterMs;
    const reason = `every attempt failed since ${failingSince} (last: ${said(attempt)})`;
    const next: WebhookRecord = { ...endpoint, failingSince, ...(giveUp ? { enabled: false, disabledAt: now.toISOString(), disabledReason: reason } : {}) };
    await tx.saveWebhook(next);
    return giveUp ? reason : undefined;
  });
}
