import { createApp, type App } from '../../server/src/app';
import { clientDist } from './paths';
import { tempDir } from './temp-dir';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestServer {
  url: string;
  app: App;
  dataDir: string;
  close(): Promise<void>;
}

/** A real server on a free loopback port with its own database, seeded as on a first start. */
export async function startServer(
  options: { dataDir?: string; rateLimits?: { writes: number; reads: number }; corsOrigins?: string[] } = {},
): Promise<TestServer> {
  const temp = options.dataDir ? undefined : tempDir('server');
  const dataDir = options.dataDir ?? temp?.dir ?? '';
  const app = await createApp({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminToken: ADMIN_TOKEN,
    logLevel: 'silent',
    clientDist,
    // Tests post far faster than a desk; the rate-limit test sets its own.
    rateLimits: options.rateLimits ?? { writes: 0, reads: 0 },
    corsOrigins: options.corsOrigins ?? [],
  });
  const { url } = await app.listen(0, '127.0.0.1');
  return {
    url,
    app,
    dataDir,
    async close() {
      await app.close();
      temp?.remove();
    },
  };
}
