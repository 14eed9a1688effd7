import { randomBytes, randomUUID } from 'node:crypto';
import type {
  ChangeWebhookBody,
  CreateWebhookBody,
  CreateWebhookResponse,
  DeliveriesQuery,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookTestResponse,
} from '@treaty-watch/shared';
import { samplePayload, webhookMessage } from '@treaty-watch/shared';
import type { Store, StoreTx } from '../store/store';
import type { DeliveryRecord, WebhookRecord } from '../store/webhook-store';
import { attemptDelivery } from '../webhooks/attempt';
import { withoutCredentials, type WebhookTargets } from '../webhooks/targets';
import { DomainError } from './errors';
import { IdempotentReplay, write, type WriteContext, type Written } from './write';

/** An endpoint as an admin sees it: never its secret, which is shown once at creation, nor the URL's password. */
export function endpointOf({ secret: _secret, ...endpoint }: WebhookRecord): WebhookEndpoint {
  return { ...endpoint, format: endpoint.format ?? 'standard', url: withoutCredentials(endpoint.url) };
}

/** What sending needs: where it may go, how long it may take, and where messages link to. */
export interface WebhookSending {
  targets: WebhookTargets;
  timeoutMs: number;
  publicUrl: () => string;
}

function deliveryOf({ leaseId: _id, leaseUntil: _until, nextAttemptAt, ...delivery }: DeliveryRecord): WebhookDelivery {
  return { ...delivery, ...(delivery.state === 'pending' ? { nextAttemptAt } : {}) };
}

async function existing(tx: StoreTx, id: string): Promise<WebhookRecord> {
  const webhook = await tx.getWebhook(id);
  if (!webhook) throw new DomainError('not_found', `There is no webhook endpoint "${id}".`);
  return webhook;
}

/** Registering, changing and removing webhook endpoints (admin), and their delivery log. */
export function createWebhookService(store: Store, sending: WebhookSending, clock: () => Date = () => new Date()) {
  const { targets } = sending;
  /** Checked before the write, outside its transaction: DNS must not hold up other writers. */
  async function assertMayReach(url: string): Promise<void> {
    const refusal = await targets.refusal(url);
    if (refusal) throw new DomainError('invalid', `url: ${refusal}`, { errors: [{ field: 'url', message: refusal }] });
  }

  return {
    async create(body: CreateWebhookBody, ctx: WriteContext): Promise<Written<CreateWebhookResponse>> {
      await assertMayReach(body.url);
      const now = clock();
      return write(store, ctx, now, {
        async work(tx) {
          const record: WebhookRecord = {
            id: randomUUID(),
            url: body.url,
            ...(body.description ? { description: body.description } : {}),
            ...(body.treaties ? { treaties: [...new Set(body.treaties)] } : {}),
            ...(body.kinds ? { kinds: [...new Set(body.kinds)] } : {}),
            format: body.format ?? 'standard',
            enabled: true,
            createdAt: now.toISOString(),
            secret: body.secret ?? `whsec_${randomBytes(32).toString('base64')}`,
          };
          await tx.saveWebhook(record);
          return { endpoint: endpointOf(record), secret: record.secret };
        },
        audit: ({ endpoint }) => ({ action: 'webhook.created', target: endpoint.id }),
        answer: (created) => ({ outcome: 'created', body: created }),
      });
    },

    async list(): Promise<WebhookEndpoint[]> {
      return (await store.listWebhooks()).map(endpointOf);
    },

    async get(id: string): Promise<WebhookEndpoint> {
      const webhook = await store.getWebhook(id);
      if (!webhook) throw new DomainError('not_found', `There is no webhook endpoint "${id}".`);
      return endpointOf(webhook);
    },

    /** Changes an endpoint; enabling it again (or a new URL) clears its failure record and tries its next delivery at once. */
    async change(id: string, body: ChangeWebhookBody, ctx: WriteContext): Promise<Written<WebhookEndpoint>> {
      if (body.url) await assertMayReach(body.url);
      const now = clock();
      return write(store, ctx, now, {
        async work(tx) {
          const before = await existing(tx, id);
          const { treaties, kinds, failingSince, disabledAt, disabledReason, ...next } = before;
          // The URL as shown back, password masked, sent back unchanged: the stored one stands.
          if (body.url && body.url !== withoutCredentials(before.url)) next.url = body.url;
          if (body.description !== undefined) next.description = body.description;
          if (body.format) next.format = body.format;
          const keptTreaties = body.treaties === undefined ? treaties : body.treaties;
          const keptKinds = body.kinds === undefined ? kinds : body.kinds;
          const changed: WebhookRecord = {
            ...next,
            ...(keptTreaties ? { treaties: [...new Set(keptTreaties)] } : {}),
            ...(keptKinds ? { kinds: [...new Set(keptKinds)] } : {}),
            enabled: body.enabled ?? before.enabled,
          };
          if (!changed.enabled) {
            changed.disabledAt = before.enabled ? now.toISOString() : (disabledAt ?? now.toISOString());
            changed.disabledReason = before.enabled ? `disabled by ${ctx.principal.name}` : (disabledReason ?? 'disabled');
          }
          // A record of failures belongs to the URL that failed, and ends when an admin brings the endpoint back.
          const freshStart = (changed.enabled && !before.enabled) || changed.url !== before.url;
          if (failingSince && !freshStart) changed.failingSince = failingSince;
          await tx.saveWebhook(changed);
          // The next attempt may be half an hour into its backoff: a fixed endpoint is tried now.
          const head = freshStart ? await tx.pendingHead(id) : undefined;
          if (head) {
            const { change: _change, ...pending } = head;
            await tx.saveDelivery({ ...pending, nextAttemptAt: now.toISOString() });
          }
          return endpointOf(changed);
        },
        audit: (endpoint) => ({ action: 'webhook.changed', target: endpoint.id }),
        answer: (endpoint) => ({ outcome: 'done', body: { endpoint } }),
      });
    },

    remove(id: string, ctx: WriteContext): Promise<Written<WebhookEndpoint>> {
      const now = clock();
      return write(store, ctx, now, {
        async work(tx) {
          const webhook = await existing(tx, id);
          await tx.deleteWebhook(id);
          return endpointOf(webhook);
        },
        audit: (endpoint) => ({ action: 'webhook.deleted', target: endpoint.id }),
        answer: (endpoint) => ({ outcome: 'done', body: { endpoint } }),
      });
    },

    /**
     * Sends the sample change to the endpoint, in its format, signed like any delivery, and says
     * how it answered. Outside the outbox (no seq, no retry, not in the delivery log): it checks
     * the wiring, and works on a disabled endpoint too, before it is brought back. A retry with the
     * same Idempotency-Key gets the first answer without sending again.
     */
    async test(id: string, ctx: WriteContext): Promise<Written<WebhookTestResponse>> {
      const { idempotency, principal } = ctx;
      const earlier = idempotency ? await store.findIdempotency(principal.tokenId, idempotency.key) : undefined;
      if (earlier && earlier.fingerprint !== idempotency?.fingerprint)
        throw new DomainError('unprocessable', 'This Idempotency-Key was already used for a different request.');
      if (earlier) throw new IdempotentReplay(earlier.outcome, earlier.response);
      const webhook = await store.getWebhook(id);
      if (!webhook) throw new DomainError('not_found', `There is no webhook endpoint "${id}".`);
      const at = clock();
      const message = webhookMessage(webhook.format ?? 'standard', samplePayload(at.toISOString()), sending.publicUrl());
      const sent = await attemptDelivery(webhook, `msg_test_${randomUUID()}`, message, { at, timeoutMs: sending.timeoutMs, targets });
      return write(store, ctx, clock(), {
        work: () => Promise.resolve(sent),
        audit: () => ({ action: 'webhook.tested', target: id }),
        answer: (result) => ({ outcome: 'done', body: result }),
      });
    },

    async deliveries(id: string, query: DeliveriesQuery): Promise<WebhookDelivery[]> {
      if (!(await store.getWebhook(id))) throw new DomainError('not_found', `There is no webhook endpoint "${id}".`);
      return (await store.webhookDeliveries(id, query)).map(deliveryOf);
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
