import type Database from 'better-sqlite3';
import type { Change } from '@treaty-watch/shared';
import type { DeliveryRecord, WebhookReads, WebhookRecord, WebhookTx } from '../webhook-store';
import { parseEach, parseOne } from './json-columns';

/** The webhook endpoints and their outbox in SQLite: writes on the writer, reads on the reader. */
export function sqliteWebhooks(db: Database.Database, reader: Database.Database): { tx: WebhookTx; reads: WebhookReads } {
  const q = {
    webhooks: db.prepare('SELECT data FROM webhook_endpoints ORDER BY created_at, id').pluck(),
    webhook: db.prepare('SELECT data FROM webhook_endpoints WHERE id = ?').pluck(),
    saveWebhook: db.prepare(
      'INSERT INTO webhook_endpoints (id, created_at, data) VALUES (@id, @createdAt, @data) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
    ),
    deleteWebhook: db.prepare('DELETE FROM webhook_endpoints WHERE id = ?'),
    deleteDeliveries: db.prepare('DELETE FROM webhook_deliveries WHERE endpoint_id = ?'),
    saveDelivery: db.prepare(
      `INSERT INTO webhook_deliveries (id, endpoint_id, seq, state, created_at, next_attempt_at, data)
       VALUES (@id, @endpointId, @seq, @state, @createdAt, @nextAttemptAt, @data)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, next_attempt_at = excluded.next_attempt_at, data = excluded.data`,
    ),
    delivery: db.prepare('SELECT data FROM webhook_deliveries WHERE id = ?').pluck(),
    pendingHead: db.prepare(
      `SELECT d.data, e.change FROM webhook_deliveries d JOIN events e ON e.seq = d.seq
       WHERE d.endpoint_id = ? AND d.state = 'pending' ORDER BY d.seq LIMIT 1`,
    ),
    prune: db.prepare("DELETE FROM webhook_deliveries WHERE state = 'delivered' AND created_at < ?"),
    listWebhooks: reader.prepare('SELECT data FROM webhook_endpoints ORDER BY created_at, id').pluck(),
    getWebhook: reader.prepare('SELECT data FROM webhook_endpoints WHERE id = ?').pluck(),
    deliveries: reader
      .prepare(
        `SELECT data FROM webhook_deliveries WHERE endpoint_id = @endpointId AND (@state IS NULL OR state = @state) AND seq < @before
       ORDER BY seq DESC LIMIT @limit`,
      )
      .pluck(),
    dueEndpoints: reader
      .prepare("SELECT DISTINCT endpoint_id FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= ?")
      .pluck(),
  };
  return {
    tx: {
      async webhooks() {
        return parseEach<WebhookRecord>(q.webhooks.all());
      },
      async getWebhook(id) {
        return parseOne<WebhookRecord>(q.webhook.get(id));
      },
      async saveWebhook(webhook) {
        q.saveWebhook.run({ id: webhook.id, createdAt: webhook.createdAt, data: JSON.stringify(webhook) });
      },
      async deleteWebhook(id) {
        q.deleteDeliveries.run(id);
        q.deleteWebhook.run(id);
      },
      async pendingHead(endpointId) {
        const row = q.pendingHead.get(endpointId) as { data: string; change: string } | undefined;
        if (!row) return undefined;
        return { ...(JSON.parse(row.data) as DeliveryRecord), change: JSON.parse(row.change) as Change };
      },
      async delivery(id) {
        return parseOne<DeliveryRecord>(q.delivery.get(id));
      },
      async saveDelivery(delivery) {
        const { id, endpointId, seq, state, createdAt, nextAttemptAt } = delivery;
        q.saveDelivery.run({ id, endpointId, seq, state, createdAt, nextAttemptAt, data: JSON.stringify(delivery) });
      },
      async pruneDeliveries(before) {
        return q.prune.run(before).changes;
      },
    },
    reads: {
      async listWebhooks() {
        return parseEach<WebhookRecord>(q.listWebhooks.all());
      },
      async getWebhook(id) {
        return parseOne<WebhookRecord>(q.getWebhook.get(id));
      },
      async webhookDeliveries(endpointId, { state, before, limit }) {
        return parseEach<DeliveryRecord>(
          q.deliveries.all({ endpointId, state: state ?? null, before: before ?? Number.MAX_SAFE_INTEGER, limit }),
        );
      },
      async dueWebhookEndpoints(at) {
        return q.dueEndpoints.all(at) as string[];
      },
    },
  };
}
