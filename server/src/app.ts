import http from 'node:http';
import express from 'express';
import { Server } from 'socket.io';
import { REPLAY_LIMIT } from '@treaty-watch/shared';
import type { Config } from './config';
import { errorHandler } from './http/error-handler';
import { buildIdOf, clientApp } from './http/client-app';
import { HttpProblem, problems } from './http/problem';
import { listenOn } from './http/listen';
import { readJsonBody } from './http/read-body';
import { requestLimits } from './http/request-limits';
import { requireJson } from './http/require-json';
import { cors, securityHeaders } from './http/security';
import { auditRoutes } from './http/routes/audit';
import { embedsRoutes } from './http/routes/embeds';
import { feedsRoutes } from './http/routes/feeds';
import { healthRoutes } from './http/routes/health';
import { metricsRoutes } from './http/routes/metrics';
import { openApiRoutes } from './http/routes/openapi';
import { partiesRoutes } from './http/routes/parties';
import { createPartyService } from './services/party-service';
import { scheduledRoutes } from './http/routes/scheduled';
import { sessionRoutes } from './http/routes/session';
import { sessionAuth } from './http/session-auth';
import { searchRoutes } from './http/routes/search';
import { snapshotRoutes } from './http/routes/snapshot';
import { streamRoutes } from './http/routes/stream';
import { tokensRoutes } from './http/routes/tokens';
import { treatiesRoutes } from './http/routes/treaties';
import { updatesRoutes } from './http/routes/updates';
import { webhooksRoutes } from './http/routes/webhooks';
import { subscriptionsRoutes } from './http/routes/subscriptions';
import { startMailDispatcher, type MailDispatcher } from './mail/mail-dispatcher';
import { createSubscriptionService } from './services/subscription-service';
import { createLogger, requestLogger, type Logger } from './log';
import { createMetrics } from './metrics';
import type { BoardServer } from './realtime/board-server';
import { Broadcaster } from './realtime/broadcaster';
import { joinCluster } from './realtime/cluster';
import { dropSlowConsumers } from './realtime/slow-consumers';
import { EventStreams } from './realtime/event-streams';
import { publishToGrip } from './realtime/grip-publisher';
import { scheduleDueWork } from './schedule/due-work';
import { handleConnections } from './realtime/connections';
import { PresenceCounter } from './realtime/presence';
import { TokenSockets } from './realtime/token-sockets';
import { seedBoard } from './seed/seed-board';
import { createAuditService } from './services/audit-service';
import { createBoardService } from './services/board-service';
import { DomainEvents } from './services/domain-events';
import { createEmbargoService } from './services/embargo-service';
import { createExpiryService } from './services/expiry-service';
import { createFeedService } from './services/feed-service';
import { createSearchService } from './services/search-service';
import { LastAnswers } from './services/last-answers';
import { createSessionService } from './services/session-service';
import { createTokenService } from './services/token-service';
import { createTreatyService } from './services/treaty-service';
import { createUpdateService } from './services/update-service';
import { createWebhookService } from './services/webhook-service';
import { openStore } from './store/open-store';
import type { Store } from './store/store';
import { startWebhookDispatcher } from './webhooks/dispatcher';
import { webhookTargets } from './webhooks/targets';

/** How long a shutdown waits for requests under way; main.ts exits at 10 s regardless. */
const SHUTDOWN_GRACE_MS = 8000;

export interface App {
  httpServer: http.Server;
  store: Store;
  log: Logger;
  /** Resolves with the address actually bound (port 0 picks a free one). */
  listen(port: number, host: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  /** Runs a round of due work (expiries, embargoes) now rather than at the next second. */
  dueWork: { check(): Promise<void> };
  /** Looks for due webhook deliveries now rather than at the next poll. */
  webhooks: { check(): Promise<void> };
  /** Queues and sends due mail now rather than at the next poll; nothing to do without SMTP_URL. */
  mail: { check(): Promise<void> };
}

/** The composition root: the one place that knows which store, which services and which transport. */
export async function createApp(config: Config, deps: { store?: Store; now?: () => Date } = {}): Promise<App> {
  const now = deps.now ?? (() => new Date());
  const log = createLogger(config.logLevel);
  const store = deps.store ?? (await openStore(config));
  const seeded = await seedBoard(store);
  if (seeded > 0) log.info({ entries: seeded }, 'seeded the board from the fact sheet');

  const buildId = buildIdOf(config.clientDist);
  const events = new DomainEvents((error) => log.error({ err: error }, 'a subscriber to committed changes failed'));
  const answers = new LastAnswers();
  const board = createBoardService(store, buildId, answers, now);
  const updates = createUpdateService(store, events, now);
  const treaties = createTreatyService(store, events, now);
  const tokens = createTokenService(store, config.adminToken, now);
  const sessions = createSessionService(store, tokens, { idleMs: config.sessionIdleMs, now });
  const audit = createAuditService(store);

  // Feeds link here; without PUBLIC_URL, to the address this process is bound to (known once it listens).
  let publicUrl = config.publicUrl ?? '';

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  // Viewers only listen: nothing a client sends needs more than a few bytes.
  const io: BoardServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    // Frequent pings let a screen notice a silent network drop within seconds (it shows "stale").
    pingInterval: 5000,
    ...(config.corsOrigins.length ? { cors: { origin: config.corsOrigins } } : {}),
  });

  const cluster = config.redis ? await joinCluster(io, config.redis.url, config.redis.stream, log) : undefined;
  const seq = await store.currentSeq();
  const broadcaster = new Broadcaster(io, seq, await store.changesAfter(Math.max(0, seq - REPLAY_LIMIT), REPLAY_LIMIT), {
    fill: (after) => store.changesAfter(after, REPLAY_LIMIT),
    ...(cluster
      ? {
          forward: (change) => io.serverSideEmit('change', change),
          latestSeq: () => store.currentSeq(),
          recovered: (change) => events.relay(change),
        }
      : {}),
  });
  if (cluster) io.on('change', (change) => events.relay(change));
  const presence = new PresenceCounter(io, cluster !== undefined);
  const metrics = createMetrics({ presence: () => presence.current(), seq: () => broadcaster.seq });
  const targets = webhookTargets(config.webhookAllowPrivate);
  const webhooks = startWebhookDispatcher(store, {
    ...config.webhooks,
    targets,
    publicUrl: () => publicUrl,
    log,
    onAttempt: (ok) => metrics.webhookAttempts.inc({ outcome: ok ? 'delivered' : 'failed' }),
    clock: now,
  });
  events.on('change.committed', (change) => broadcaster.publish(change));
  events.on('change.relayed', (change) => broadcaster.receive(change));
  const mail: MailDispatcher | undefined = config.mail
    ? startMailDispatcher(store, config.mail, {
        publicUrl: () => publicUrl,
        onAttempt: (sent) => metrics.mailAttempts.inc({ outcome: sent ? 'sent' : 'failed' }),
        log,
        clock: now,
      })
    : undefined;
  for (const name of ['change.committed', 'change.relayed'] as const) {
    events.on(name, () => {
      answers.changed();
      metrics.broadcast.inc();
      webhooks.wake();
      mail?.wake();
    });
  }
  const slowConsumers = dropSlowConsumers(io, () => metrics.slowConsumersDropped.inc());
  const streams = new EventStreams(broadcaster, {
    ...config.sse,
    snapshot: () => board.snapshot(),
    onDrop: () => metrics.slowConsumersDropped.inc(),
  });
  const grip = config.grip && { ...config.grip, publisher: publishToGrip(broadcaster, config.grip.publishUrl, log) };
  const expiries = createExpiryService(store, events, now);
  const embargoes = createEmbargoService(store, events, now);
  const dueWork = scheduleDueWork(
    [
      { name: 'expiry', run: () => expiries.expireDue() },
      { name: 'embargo', run: () => embargoes.publishDue() },
    ],
    { log, onRound: () => metrics.dueRounds.inc() },
  );
  await dueWork.ready;
  const tokenSockets = new TokenSockets(io, tokens);
  handleConnections(io, {
    buildId,
    board,
    broadcaster,
    presence,
    log,
    onResyncRefused: (reason) => metrics.resyncsRefused.inc({ reason }),
    onResyncFlood: () => metrics.resyncFloodsDropped.inc(),
  });

  // Requests under way, so a shutdown can let them finish before it drops connections.
  let inFlight = 0;
  app.use((_req, res, next) => {
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
    next();
  });
  app.set('trust proxy', config.trustProxy);
  app.use(requestLogger(log));
  app.use(metrics.timeRequests);
  app.use(securityHeaders());
  app.use(healthRoutes(store, cluster));
  app.use(metricsRoutes(metrics));
  // The realtime channel is not read-limited: a newsroom's hundred screens share one address.
  const limits = requestLimits(config, {
    redis: cluster?.redis,
    log,
    onRedisFailure: (limit) => metrics.rateLimitRedisFailures.inc({ limit }),
    onSignInRefused: (reason) => metrics.signInsFailed.inc({ reason }),
  });
  app.use('/feeds', limits.reads);
  app.use(feedsRoutes(createFeedService(store, answers, now), () => publicUrl));
  app.use(['/badge', '/oembed'], limits.reads);
  app.use(embedsRoutes(board, () => publicUrl, now));
  app.use(
    '/api',
    cors(config.corsOrigins),
    limits.reads,
    // Before the write limit, which counts a signed-in browser's writes against its session's token.
    sessionAuth(sessions, () => config.publicUrl),
    limits.writes,
    requireJson,
    readJsonBody,
    sessionRoutes({
      sessions,
      failures: limits.signInFailures,
      publicUrl: () => config.publicUrl,
    }),
    treatiesRoutes({ board, updates, treaties, tokens }),
    updatesRoutes({ board, updates, tokens }),
    scheduledRoutes({ embargoes, tokens }),
    snapshotRoutes(board),
    streamRoutes({
      streams,
      broadcaster,
      snapshot: () => board.snapshot(),
      grip: grip && {
        heartbeatSeconds: Math.round(config.sse.heartbeatMs / 1000),
        sigKey: grip.sigKey,
        now,
        handed: grip.publisher.handed,
      },
    }),
    partiesRoutes(createPartyService(store, now)),
    searchRoutes({ search: createSearchService(store), tokens }),
    tokensRoutes({ tokens, tokenSockets }),
    auditRoutes({ audit, tokens }),
    webhooksRoutes({
      webhooks: createWebhookService(store, { targets, timeoutMs: config.webhooks.timeoutMs, publicUrl: () => publicUrl }, now),
      tokens,
    }),
    subscriptionsRoutes({
      subscriptions: createSubscriptionService(store, { enabled: mail !== undefined, queued: () => mail?.wake() }, now),
      tokens,
      subscribeLimit: limits.subscribe,
    }),
    openApiRoutes(),
    (req) => {
      throw new HttpProblem(problems.notFound(`There is no API route ${req.method} ${req.path}.`));
    },
  );
  app.use(clientApp(config.clientDist, config.embedOrigins, () => publicUrl));
  app.use(errorHandler(() => metrics.storeErrors.inc()));

  return {
    httpServer,
    store,
    log,
    dueWork: { check: () => dueWork.check() },
    webhooks: { check: () => webhooks.check() },
    mail: { check: async () => mail?.check() },
    async listen(port, host) {
      const bound = await listenOn(httpServer, port, host);
      publicUrl = config.publicUrl ?? bound.url;
      return bound;
    },
    /**
     * Stops taking connections, sends every socket off to reconnect (elsewhere, behind a proxy),
     * lets the requests under way finish, then drops what is left: keep-alive connections would
     * otherwise carry new requests, even new Socket.IO sessions, into a server that is leaving.
     */
    async close() {
      const dueWorkStopped = dueWork.stop();
      slowConsumers.stop();
      presence.stop();
      tokenSockets.stop();
      broadcaster.stop();
      streams.closeAll();
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      const socketsClosed = io.close();
      for (const deadline = Date.now() + SHUTDOWN_GRACE_MS; inFlight > 0 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      httpServer.closeAllConnections();
      await Promise.all([closed, socketsClosed, webhooks.stop(), mail?.stop(), dueWorkStopped, grip?.publisher.stop()]);
      await cluster?.close();
      await store.close();
    },
  };
}
