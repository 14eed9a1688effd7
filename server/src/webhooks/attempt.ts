import type { WebhookAttempt } from '@treaty-watch/shared';
import type { WebhookRecord } from '../store/webhook-store';
import { post } from './post';
import { signature } from './signature';
import type { WebhookTargets } from './targets';

export interface AttemptOptions {
  at: Date;
  timeoutMs: number;
  targets: WebhookTargets;
  /** Holds the attempt's controller while it runs, so a shutdown can cut it off. */
  inFlight?: Set<AbortController>;
}

export interface Attempted {
  attempt: WebhookAttempt;
  ok: boolean;
}

/**
 * One signed POST of a message to an endpoint, as the outbox and "Send test" both make it. Chat
 * formats are signed too: Slack, Teams and Discord ignore the headers, a relay in between may check them.
 */
export async function attemptDelivery(endpoint: WebhookRecord, id: string, message: unknown, options: AttemptOptions): Promise<Attempted> {
  const body = JSON.stringify(message);
  const timestamp = Math.floor(options.at.getTime() / 1000);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  options.inFlight?.add(controller);
  const started = performance.now();
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'TreatyWatch-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signature(endpoint.secret, id, timestamp, body),
  };
  const { status, error } = await post(endpoint.url, headers, body, controller.signal, options.targets);
  clearTimeout(timer);
  options.inFlight?.delete(controller);
  const attempt: WebhookAttempt = {
    at: options.at.toISOString(),
    ...(status !== undefined ? { status } : {}),
    ...(error ? { error } : {}),
    latencyMs: Math.round(performance.now() - started),
  };
  return { attempt, ok: status !== undefined && status >= 200 && status < 300 };
}
