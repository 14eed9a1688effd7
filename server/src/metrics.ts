import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Presence } from '@treaty-watch/shared';

/** What an operator watches: who is connected, how fast the API answers, how the log grows. */
export function createMetrics(read: { presence(): Presence; seq(): number }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const connected = new Gauge({
    name: 'treaty_watch_connected_clients',
    help: 'Dashboards connected to the whole cluster, by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      const presence = read.presence();
      this.set({ kind: 'viewer' }, presence.viewers);
      this.set({ kind: 'screen' }, presence.screens);
      this.set({ kind: 'embed' }, presence.embeds);
    },
  });
  const seq = new Gauge({
    name: 'treaty_watch_event_log_seq',
    help: 'The highest event-log seq this process has broadcast',
    registers: [registry],
    collect() {
      this.set(read.seq());
    },
  });
  const broadcast = new Counter({
    name: 'treaty_watch_changes_broadcast_total',
    help: 'Changes emitted to this process’s sockets',
    registers: [registry],
  });
  const slowConsumersDropped = new Counter({
    name: 'treaty_watch_slow_consumers_dropped_total',
    help: 'Connections closed because they stopped reading',
    registers: [registry],
  });
  const resyncsRefused = new Counter({
    name: 'treaty_watch_resyncs_refused_total',
    help: 'Resync requests ignored: asked too often, or not a valid request',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const resyncFloodsDropped = new Counter({
    name: 'treaty_watch_resync_floods_dropped_total',
    help: 'Sockets disconnected for asking to resync far more often than a dashboard does',
    registers: [registry],
  });
  const dueRounds = new Counter({
    name: 'treaty_watch_due_rounds_total',
    help: 'Rounds of scheduled work (expiries, embargoes) this process has finished',
    registers: [registry],
  });
  const webhookAttempts = new Counter({
    name: 'treaty_watch_webhook_attempts_total',
    help: 'Webhook delivery attempts by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const mailAttempts = new Counter({
    name: 'treaty_watch_mail_attempts_total',
    help: 'Messages handed to the mail server, by whether it took them',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const rateLimitRedisFailures = new Counter({
    name: 'treaty_watch_rate_limit_redis_failures_total',
    help: 'Rate-limit checks Redis did not answer, so this process counted alone (fail open)',
    labelNames: ['limit'] as const,
    registers: [registry],
  });
  const signInsFailed = new Counter({
    name: 'treaty_watch_signins_failed_total',
    help: 'Sign-ins refused: a token unknown or revoked, or an address over its allowance of failures',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: 'treaty_watch_store_errors_total',
    help: 'Requests the database could not serve',
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'treaty_watch_http_request_duration_seconds',
    help: 'HTTP latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  /** Times every request, labelled by its route pattern (not its URL, which would explode the labels). */
  const timeRequests: RequestHandler = (req, res, next) => {
    const end = latency.startTimer();
    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${String((req.route as { path: unknown }).path)}` : 'other';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };

  const serve: RequestHandler = async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  };

  return {
    registry,
    connected,
    seq,
    broadcast,
    slowConsumersDropped,
    resyncsRefused,
    resyncFloodsDropped,
    dueRounds,
    webhookAttempts,
    mailAttempts,
    rateLimitRedisFailures,
    signInsFailed,
    storeErrors,
    timeRequests,
    serve,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
