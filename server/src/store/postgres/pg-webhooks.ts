import type pg from 'pg';
import type { Change } from '@treaty-watch/shared';
import type { DeliveryRecord, WebhookReads, WebhookRecord, WebhookTx } from '../webhook-store';
import type { Pipeline } from './pg-pipeline';
import { kept, parsed, type TxMemory } from './pg-tx-memory';

type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;

const data = <T>(rows: { data: T }[]): T[] => rows.map((row) => row.data);

/** The endpoints, in the order deliveries are queued, as JSON to keep in a transaction's memory. */
export function endpointsAsJson(pipeline: Pipeline): Promise<string[]> {
  return kept(pipeline.rows<{ data: string }>('SELECT data::text AS data FROM webhook_endpoints ORDER BY created_at, id').then(data));
}

/** The webhook endpoints and their outbox inside a write transaction; the endpoints are read once. */
export function pgWebhookTx(pipeline: Pipeline, memory: TxMemory): WebhookTx {
  return {
    async webhooks() {
      memory.webhooks ??= endpointsAsJson(pipeline);
      return (await memory.webhooks).map((text) => parsed<WebhookRecord>(text) as WebhookRecord);
    },
    async getWebhook(id) {
      return data(await pipeline.rows<{ data: WebhookRecord }>('SELECT data FROM webhook_endpoints WHERE id = $1', [id]))[0];
    },
    async saveWebhook(webhook) {
      memory.webhooks = undefined;
      pipeline.send(
        'INSERT INTO webhook_endpoints (id, created_at, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
        [webhook.id, webhook.createdAt, webhook],
      );
    },
    async deleteWebhook(id) {
      memory.webhooks = undefined;
      pipeline.send('DELETE FROM webhook_deliveries WHERE endpoint_id = $1', [id]);
      pipeline.send('DELETE FROM webhook_endpoints WHERE id = $1', [id]);
    },
    async pendingHead(endpointId) {
      const [row] = await pipeline.rows<{ data: DeliveryRecord; change: Change }>(
        `SELECT d.data, e.change FROM webhook_deliveries d JOIN events e ON e.seq = d.seq
         WHERE d.endpoint_id = $1 AND d.state = 'pending' ORDER BY d.seq LIMIT 1`,
        [endpointId],
      );
      return row && { ...row.data, change: row.change };
    },
    async delivery(id) {
      return data(await pipeline.rows<{ data: DeliveryRecord }>('SELECT data FROM webhook_deliveries WHERE id = $1', [id]))[0];
    },
    async saveDelivery(delivery) {
      pipeline.send(
        `INSERT INTO webhook_deliveries (id, endpoint_id, seq, state, created_at, next_attempt_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, next_attempt_at = excluded.next_attempt_at, data = excluded.data`,
        [delivery.id, delivery.endpointId, delivery.seq, delivery.state, delivery.createdAt, delivery.nextAttemptAt, delivery],
      );
    },
    async pruneDeliveries(before) {
      return (await pipeline.query("DELETE FROM webhook_deliveries WHERE state = 'delivered' AND created_at < $1", [before])).rowCount ?? 0;
    },
  };
}

/** Reads of endpoints and deliveries through the pool. */
export function pgWebhookReads(all: Query): WebhookReads {
  return {
    async listWebhooks() {
      return data(await all<{ data: WebhookRecord }>('SELECT data FROM webhook_endpoints ORDER BY created_at, id'));
    },
    async getWebhook(id) {
      return data(await all<{ data: WebhookRecord }>('SELECT data FROM webhook_endpoints WHERE id = $1', [id]))[0];
    },
    async webhookDeliveries(endpointId, { state, before, limit }) {
      return data(
        await all<{ data: DeliveryRecord }>(
          `SELECT data FROM webhook_deliveries WHERE endpoint_id = $1 AND ($2::text IS NULL OR state = $2) AND seq < $3
           ORDER BY seq DESC LIMIT $4`,
          [endpointId, state ?? null, before ?? Number.MAX_SAFE_INTEGER, limit],
        ),
      );
    },
    async dueWebhookEndpoints(at) {
      const due = await all<{ endpoint_id: string }>(
        "SELECT DISTINCT endpoint_id FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= $1",
        [at],
      );
      return due.map((row) => row.endpoint_id);
    },
  };
}
