import { createApp, type App } from '../../server/src/app';
import type { Config } from '../../server/src/config';
import type { Store } from '../../server/src/store/store';
import { clientDist } from './paths';
import { tempDir } from './temp-dir';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestServer {
  url: string;
  app: App;
  dataDir: string;
  /** Stops the server: its sockets drop, its port stays reserved for start(). */
  stop(): Promise<void>;
  /** Starts again; `changes` alter the options, as a redeploy would. */
  start(changes?: Partial<Options>): Promise<void>;
  /** stop() then start(), on the same port and database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

type Options = { dataDir?: string; store?: () => Store | Promise<Store>; now?: () => Date } & Partial<
  Pick<
    Config,
    | 'rateLimits'
    | 'signInFailuresPerMinute'
    | 'corsOrigins'
    | 'clientDist'
    | 'embedOrigins'
    | 'webhooks'
    | 'publicUrl'
    | 'webhookAllowPrivate'
    | 'trustProxy'
    | 'sessionIdleMs'
    | 'redis'
    | 'sse'
    | 'grip'
    | 'mail'
  >
>;

/** Retries within a test's patience; the day before an endpoint is disabled stays a day. */
const TEST_WEBHOOKS: Config['webhooks'] = { timeoutMs: 2000, retry: { baseMs: 200, maxMs: 1000 }, disableAfterMs: 24 * 60 * 60 * 1000 };

/** A real server on a free loopback port with its own database, seeded as on a first start. */
export async function startServer(options: Options = {}): Promise<TestServer> {
  const temp = options.dataDir ? undefined : tempDir('server');
  const dataDir = options.dataDir ?? temp?.dir ?? '';
  const config = (port: number): Config => ({
    port,
    host: '127.0.0.1',
    dataDir,
    adminToken: ADMIN_TOKEN,
    logLevel: 'silent',
    clientDist: options.clientDist ?? clientDist,
    // Tests post far faster than a desk; the rate-limit test sets its own.
    rateLimits: options.rateLimits ?? { writes: 0, reads: 0 },
    signInFailuresPerMinute: options.signInFailuresPerMinute ?? 0,
    corsOrigins: options.corsOrigins ?? [],
    embedOrigins: options.embedOrigins ?? [],
    webhooks: options.webhooks ?? TEST_WEBHOOKS,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    // The receivers tests deliver to listen on loopback; the test of refused targets turns this off.
    webhookAllowPrivate: options.webhookAllowPrivate ?? true,
    trustProxy: options.trustProxy ?? [],
    sessionIdleMs: options.sessionIdleMs ?? 12 * 60 * 60 * 1000,
    ...(options.redis ? { redis: options.redis } : {}),
    sse: options.sse ?? { maxStreams: 1000, heartbeatMs: 25_000 },
    ...(options.grip ? { grip: options.grip } : {}),
    ...(options.mail ? { mail: options.mail } : {}),
  });
  const deps = async () => ({ ...(options.store ? { store: await options.store() } : {}), ...(options.now ? { now: options.now } : {}) });
  let app = await createApp(config(0), await deps());
  const { url, port } = await app.listen(0, '127.0.0.1');
  // A test may stop the server for good itself; closing it afterwards only removes its data.
  let running = true;
  const server: TestServer = {
    url,
    app,
    dataDir,
    async stop() {
      running = false;
      await app.close();
      // Let this process's own HTTP clients see their pooled connections close before reuse.
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
    async start(changes: Partial<Options> = {}) {
      Object.assign(options, changes);
      app = await createApp(config(port), await deps());
      await app.listen(port, '127.0.0.1');
      server.app = app;
      running = true;
    },
    async restart() {
      await server.stop();
      await server.start();
    },
    async close() {
      if (running) await app.close();
      running = false;
      temp?.remove();
    },
  };
  return server;
}
