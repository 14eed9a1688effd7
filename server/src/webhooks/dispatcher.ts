import type { Change, WebhookAttempt, WebhookPayload } from '@treaty-watch/shared';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { DeliveryRecord, WebhookRecord } from '../store/webhook-store';
import { recordAttempt } from './record-attempt';
import type { RetryPolicy } from './retry';
import { signature } from './signature';

export interface DispatcherOptions {
  retry: RetryPolicy;
  /** An endpoint that has failed every attempt for this long is disabled. */
  disableAfterMs: number;
  /** How long one attempt may take before it counts as failed. */
  timeoutMs: number;
  log: Logger;
  onAttempt?: (ok: boolean) => void;
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

const describe = (error: unknown) => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
};

/**
 * Sends the outbox. Each endpoint gets its changes one at a time, in seq order, the oldest
 * pending first; a delivery is leased while it is sent, so of several processes only one sends
 * it, and a process that dies mid-send leaves a lease that runs out and is taken over.
 */
export function startWebhookDispatcher(store: Store, options: DispatcherOptions): { wake(): void; stop(): Promise<void> } {
  const { log, timeoutMs } = options;
  const clock = options.clock ?? (() => new Date());
  const inFlight = new Set<AbortController>();
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let lastWarning = 0;
  let lastPrune = 0;

  function warn(error: unknown, what: string): void {
    if (Date.now() - lastWarning < WARN_EVERY_MS) return;
    lastWarning = Date.now();
    log.warn({ err: error }, `webhooks: ${what}; will try again`);
  }

  async function claim(): Promise<Claimed[]> {
    if (!(await store.listWebhooks()).some((endpoint) => endpoint.enabled)) return [];
    const now = clock();
    const at = now.toISOString();
    const leaseUntil = new Date(now.getTime() + timeoutMs + 5000).toISOString();
    return store.transaction(async (tx) => {
      const claimed: Claimed[] = [];
      for (const endpoint of await tx.webhooks()) {
        if (!endpoint.enabled) continue;
        const head = await tx.pendingHead(endpoint.id);
        if (!head || head.nextAttemptAt > at || (head.leaseUntil && head.leaseUntil > at)) continue;
        const { change, ...pending } = head;
        const delivery = { ...pending, leaseUntil };
        await tx.saveDelivery(delivery);
        claimed.push({ endpoint, delivery, change });
      }
      return claimed;
    });
  }

  async function send({ endpoint, delivery, change }: Claimed): Promise<void> {
    const payload: WebhookPayload = { type: delivery.kind, timestamp: delivery.createdAt, data: change };
    const body = JSON.stringify(payload);
    const at = clock();
    const timestamp = Math.floor(at.getTime() / 1000);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    inFlight.add(controller);
    const started = performance.now();
    let status: number | undefined;
    let error: string | undefined;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'TreatyWatch-Webhooks/1',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signature(endpoint.secret, delivery.id, timestamp, body),
        },
        body,
      });
      status = response.status;
      await response.body?.cancel();
    } catch (failure) {
      error = controller.signal.aborted ? describe(controller.signal.reason) : describe(failure);
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
    }
    if (stopped && status === undefined) {
      // Cut off by our own shutdown: not the endpoint's failure. Hand it back at once.
      const { leaseUntil: _lease, ...released } = delivery;
      await store.transaction((tx) => tx.saveDelivery(released)).catch(() => undefined);
      return;
    }
    const ok = status !== undefined && status >= 200 && status < 300;
    const attempt: WebhookAttempt = {
      at: at.toISOString(),
      ...(status !== undefined ? { status } : {}),
      ...(error ? { error } : {}),
      latencyMs: Math.round(performance.now() - started),
    };
    options.onAttempt?.(ok);
    const disabled = await recordAttempt(store, { endpointId: endpoint.id, delivery, attempt, ok, now: clock(), retry: options.retry, disableAfterMs: options.disableAfterMs });
    if (disabled) log.warn({ endpoint: endpoint.id, url: endpoint.url }, `webhooks: endpoint disabled, ${disabled}`);
  }

  async function prune(): Promise<void> {
    if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    const before = new Date(clock().getTime() - RETENTION_MS).toISOString();
    await store.transaction((tx) => tx.pruneDeliveries(before));
  }

  async function round(): Promise<void> {
    try {
      await prune();
      while (!stopped) {
        const claimed = await claim();
        if (claimed.length === 0) return;
        await Promise.all(claimed.map(send));
      }
    } catch (error) {
      warn(error, 'could not send the outbox');
    }
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = round().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        wake();
      }
    });
  }

  const timer = setInterval(wake, POLL_MS);
  timer.unref();
  wake();

  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const controller of inFlight) controller.abort(new Error('server shutting down'));
      await running;
    },
  };
}
