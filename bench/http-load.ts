import { ADMIN_TOKEN, startServer } from './processes';
import { distribution, type Distribution } from './stats';

export type Load = Distribution & { perSecond: number; failed: number };

/** `concurrency` loops calling `request` for `seconds`; latency per call and calls per second. */
async function load(concurrency: number, seconds: number, request: (i: number) => Promise<boolean>): Promise<Load> {
  const latencies: number[] = [];
  let failed = 0;
  let n = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        const ok = await request(n++).catch(() => false);
        if (ok) latencies.push(performance.now() - started);
        else failed += 1;
      }
    }),
  );
  return { ...distribution(latencies), perSecond: Math.round(latencies.length / seconds), failed };
}

export interface WriteLoad {
  writers: number;
  seconds: number;
}

/** `writers` editors posting to one treaty as fast as they are answered, on SQLite or on `databaseUrl`. */
export async function writes({ writers, seconds }: WriteLoad, databaseUrl?: string): Promise<Load> {
  const server = await startServer(databaseUrl ? { DATABASE_URL: databaseUrl } : {});
  try {
    return await load(writers, seconds, async (i) => {
      const response = await fetch(`${server.url}/api/treaties/npt/updates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ headline: `Throughput ${i}` }),
      });
      await response.arrayBuffer();
      return response.status === 201;
    });
  } finally {
    await server.stop();
  }
}

export async function reads() {
  const server = await startServer();
  try {
    const get = (path: string) => async () => {
      const response = await fetch(`${server.url}${path}`);
      await response.arrayBuffer();
      return response.ok;
    };
    return { snapshot: await load(50, 5, get('/api/snapshot')), treaties: await load(50, 5, get('/api/treaties')) };
  } finally {
    await server.stop();
  }
}
