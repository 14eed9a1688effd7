import { randomUUID } from 'node:crypto';
import type { Change } from '@treaty-watch/shared';
import type { StoreTx } from '../store/store';
import type { WebhookRecord } from '../store/webhook-store';

/** Whether an endpoint asked for this change: its treaty filter and its kinds, when it has them. */
export function wants(endpoint: WebhookRecord, change: Change): boolean {
  if (!endpoint.enabled) return false;
  if (endpoint.treaties && !endpoint.treaties.includes(change.treaty.id)) return false;
  return !endpoint.kinds || endpoint.kinds.includes(change.kind);
}

/**
 * Queues the change for every endpoint that wants it, in the transaction that writes the change:
 * a change that commits is delivered, one that rolls back never is.
 */
export async function enqueueDeliveries(tx: StoreTx, change: Change, at: string): Promise<void> {
  for (const endpoint of await tx.webhooks()) {
    if (!wants(endpoint, change)) continue;
    await tx.saveDelivery({
      id: `msg_${randomUUID()}`,
      endpointId: endpoint.id,
      seq: change.seq,
      kind: change.kind,
      treatyId: change.treaty.id,
      state: 'pending',
      attempts: 0,
      createdAt: at,
      nextAttemptAt: at,
      history: [],
    });
  }
}
