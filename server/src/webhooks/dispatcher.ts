import { randomUUID } from 'node:crypto';
import { webhookMessage, type Change, type WebhookPayload } from '@treaty-watch/shared';
import type { Logger } from '../log';
import { serialRounds } from '../serial-rounds';
import type { Store } from '../store/store';
import type { DeliveryRecord, WebhookRecord } from '../store/webhook-store';
import { attemptDelivery } from './attempt';
import { recordAttempt, releaseLease } from './record-attempt';
import type { RetryPolicy } from './retry';
import { withoutCredentials, type WebhookTargets } from './targets';

export interface DispatcherOptions {
  retry: RetryPolicy;
  /** An endpoint that has failed every attempt for this long is disabled. */
  disableAfterMs: number;
  /** How long one attempt may take before it counts as failed. */
  timeoutMs: number;
  log: Logger;
  /** Where attempts may go: checked again on the resolved address at every attempt. */
  targets: WebhookTargets;
  onAttempt?: (ok: boolean) => void;
  /** Where chat messages link to the treaty page: the configured public address. */
  publicUrl: () => string;
  clock?: () => Date;
}

interface Claimed {
  endpoint: WebhookRecord;
  delivery: DeliveryRecord;
  change: Change;
}

/** Retries fall due without a change to wake the dispatcher; this is how late they may be. */
const POLL_MS = 500;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** Delivered deliveries stay in the endpoint's log for this long. */
const RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const WARN_EVERY_MS = 60_000;

/**
 * Sends the outbox. Each endpoint gets its changes one at a time, in seq order, the oldest
 * pending first, on a chain of its own, so a slow or hanging endpoint holds up only itself. A
 * delivery is leased while it is sent, so of several processes only one sends it, and a process
 * that dies mid-send leaves a lease that runs out and is taken over.
 */
export function startWebhookDispatcher(
  store: Store,
  options: DispatcherOptions,
): { wake(): void; check(): Promise<void>; stop(): Promise<void> } {
  const { log, timeoutMs, targets } = options;
  const clock = options.clock ?? (() => new Date());
  const inFlight = new Set<AbortController>();
  /** Endpoints this process is sending to right now, each with its chain. */
  const chains = new Map<string, Promise<void>>();
  let stopped = false;
  /** Whether any endpoint is enabled, as of the last round: with none, a change costs nothing here. */
  let anyEnabled = true;
  let lastWarning = 0;
  let lastPrune = 0;

  function warn(error: unknown, what: string): void {
    if (Date.now() - lastWarning < WARN_EVERY_MS) return;
    lastWarning = Date.now();
    log.warn({ err: error }, `webhooks: ${what}; will try again`);
  }

  /** Leases the endpoint's oldest pending delivery if it is due and nobody holds it. */
  async function claim(endpointId: string): Promise<Claimed | undefined> {
    const now = clock();
    const at = now.toISOString();
    const leaseUntil = new Date(now.getTime() + timeoutMs + 5000).toISOString();
    return store.transaction(async (tx) => {
      const endpoint = await tx.getWebhook(endpointId);
      if (!endpoint?.enabled) return undefined;
      const head = await tx.pendingHead(endpointId);
      if (!head || head.nextAttemptAt > at || (head.leaseUntil && head.leaseUntil > at)) return undefined;
      const { change, ...pending } = head;
      const delivery: DeliveryRecord = { ...pending, leaseId: randomUUID(), leaseUntil };
      await tx.saveDelivery(delivery);
      return { endpoint, delivery, change };
    });
  }

  async function send({ endpoint, delivery, change }: Claimed): Promise<void> {
    // Rendered now, from the change in the log: the outbox holds no copy to go stale, and an
    // endpoint switched to another format gets its pending deliveries in the new one.
    const payload: WebhookPayload = { type: delivery.kind, timestamp: delivery.createdAt, data: change };
    const message = webhookMessage(endpoint.format ?? 'standard', payload, options.publicUrl());
    const { attempt, ok } = await attemptDelivery(endpoint, delivery.id, message, { at: clock(), timeoutMs, targets, inFlight });
    if (stopped && attempt.status === undefined) {
      // Cut off by our own shutdown: not the endpoint's failure. Hand it back at once.
      await releaseLease(store, delivery).catch(() => undefined);
      return;
    }
    options.onAttempt?.(ok);
    const outcome = await recordAttempt(store, {
      endpointId: endpoint.id,
      delivery,
      attempt,
      ok,
      now: clock(),
      retry: options.retry,
      disableAfterMs: options.disableAfterMs,
    });
    if (outcome.disabled)
      log.warn({ endpoint: endpoint.id, url: withoutCredentials(endpoint.url) }, `webhooks: endpoint disabled, ${outcome.disabled}`);
    if (outcome.stale)
      log.warn(
        { endpoint: endpoint.id, delivery: delivery.id },
        'webhooks: the lease ran out during the attempt; another sender took the delivery over',
      );
  }

  /** Sends to one endpoint until nothing of it is due. */
  async function drain(endpointId: string): Promise<void> {
    try {
      for (let claimed = await claim(endpointId); claimed && !stopped; claimed = await claim(endpointId)) await send(claimed);
    } catch (error) {
      warn(error, `could not send to endpoint ${endpointId}`);
    }
  }

  async function prune(): Promise<void> {
    if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    const before = new Date(clock().getTime() - RETENTION_MS).toISOString();
    await store.transaction((tx) => tx.pruneDeliveries(before));
  }

  /**
   * Starts a chain for every endpoint that has something due and none running here. Reads
   * first, outside any transaction: most rounds find nothing to do and take no lock.
   */
  async function round(): Promise<void> {
    try {
      await prune();
      const enabled = (await store.listWebhooks()).filter((endpoint) => endpoint.enabled);
      anyEnabled = enabled.length > 0;
      if (!anyEnabled) return;
      const due = new Set(await store.dueWebhookEndpoints(clock().toISOString()));
      for (const endpoint of enabled) {
        if (stopped || !due.has(endpoint.id) || chains.has(endpoint.id)) continue;
        chains.set(
          endpoint.id,
          drain(endpoint.id).finally(() => chains.delete(endpoint.id)),
        );
      }
    } catch (error) {
      warn(error, 'could not read the outbox');
    }
  }

  const rounds = serialRounds(round, () => stopped);
  const check = rounds.request;

  const timer = setInterval(check, POLL_MS);
  timer.unref();
  check();

  return {
    /** A change was broadcast: send it now rather than at the next poll, if anyone wants changes. */
    wake() {
      if (anyEnabled) check();
    },
    /** A round now, and the sends it starts: what is due by the clock has been tried when it resolves. */
    async check() {
      await rounds.current();
      check();
      await rounds.current();
      await Promise.allSettled([...chains.values()]);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const controller of inFlight) controller.abort(new Error('server shutting down'));
      await rounds.current();
      await Promise.allSettled([...chains.values()]);
    },
  };
}
