import type { Change, DeliveriesQuery, WebhookDelivery, WebhookEndpoint, WebhookFormat } from '@treaty-watch/shared';

/** An endpoint as the server keeps it: with its signing secret, which no answer shows again. */
export interface WebhookRecord extends Omit<WebhookEndpoint, 'format'> {
  secret: string;
  /** Absent on endpoints registered before there were formats: those get `standard`. */
  format?: WebhookFormat;
}

/**
 * A delivery as kept in the outbox. `leaseId` and `leaseUntil` mark one a process is sending
 * right now: only the holder of that lease may write down how the attempt went.
 */
export interface DeliveryRecord extends WebhookDelivery {
  nextAttemptAt: string;
  leaseId?: string;
  leaseUntil?: string;
}

/** The oldest undelivered change of an endpoint, with the change itself to send. */
export type PendingDelivery = DeliveryRecord & { change: Change };

/** The outbox inside a write transaction: deliveries are queued with the change they carry. */
export interface WebhookTx {
  webhooks(): Promise<WebhookRecord[]>;
  getWebhook(id: string): Promise<WebhookRecord | undefined>;
  saveWebhook(webhook: WebhookRecord): Promise<void>;
  /** Removes the endpoint and every delivery it had. */
  deleteWebhook(id: string): Promise<void>;
  /** An endpoint's pending delivery with the lowest seq: deliveries go out in seq order. */
  pendingHead(endpointId: string): Promise<PendingDelivery | undefined>;
  delivery(id: string): Promise<DeliveryRecord | undefined>;
  /** Queues a delivery or records its new state. */
  saveDelivery(delivery: DeliveryRecord): Promise<void>;
  /** Forgets delivered deliveries of changes recorded before `before`. */
  pruneDeliveries(before: string): Promise<number>;
}

export interface WebhookReads {
  listWebhooks(): Promise<WebhookRecord[]>;
  getWebhook(id: string): Promise<WebhookRecord | undefined>;
  /** An endpoint's deliveries, highest seq first. */
  webhookDeliveries(endpointId: string, query: DeliveriesQuery): Promise<DeliveryRecord[]>;
  /** Endpoints with a pending delivery due by `at` (leased or not): whether the outbox has work, without a lock. */
  dueWebhookEndpoints(at: string): Promise<string[]>;
}
