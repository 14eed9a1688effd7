import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { metricOf } from '../support/metrics';
import { spawnServer, type SpawnedServer } from '../support/spawned-server';
import { DATABASE_URL, POSTGRES_MISSING } from '../support/stores';
import { forgetKeys, REDIS_URL } from '../support/redis';
import { Plug } from '../support/tcp-plug';
import { tempDir } from '../support/temp-dir';
import { useTwoProcesses } from '../support/two-processes';

const ready = DATABASE_URL && REDIS_URL;
if (!ready)
  process.stdout.write(
    `Cluster rate-limit tests skipped: they need both DATABASE_URL and REDIS_URL (CI sets them). ${DATABASE_URL ? '' : POSTGRES_MISSING}\n`,
  );

/** Sixty writes a minute: bursts of six, in windows of six seconds. */
const LIMITED = { RATE_LIMIT_WRITES: '60', RATE_LIMIT_READS: '0' };
const BURST = 6;
const WINDOW_MS = 6000;

const newStream = () => `treaty-watch-test-${randomBytes(4).toString('hex')}`;

const failuresCounted = async (url: string) => (await metricOf(url, 'treaty_watch_rate_limit_redis_failures_total{limit="writes"}')) || 0;

describe.skipIf(!ready)('one write limit for two processes on one PostgreSQL and one Redis', () => {
  const cluster = useTwoProcesses('cluster-limits', LIMITED);

  it('one token writing through both gets one allowance, not one per process', async () => {
    const seen: { status: number; remaining: string | null; at: number }[] = [];
    const started = Date.now();
    // Alternating A, B, A, … as fast as they answer, until two bursts are in: per process that
    // would take two bursts' worth of requests; across the cluster it takes a second window.
    for (let i = 0; seen.filter((s) => s.status === 201).length < 2 * BURST && Date.now() - started < 30_000; i++) {
      const response = await postUpdate<Problem>((i % 2 ? cluster.b : cluster.a).url, 'npt', { headline: `Shared allowance ${i}` });
      seen.push({
        status: response.status,
        remaining: /remaining=(\d+)/.exec(response.headers.get('ratelimit') ?? '')?.[1] ?? null,
        at: Date.now(),
      });
      if (response.status === 429) {
        expect(response.contentType).toContain('application/problem+json');
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      }
    }
    expect(seen.slice(0, BURST + 1).map((s) => s.status)).toEqual([201, 201, 201, 201, 201, 201, 429]);
    // Each process saw the other's writes come off the same allowance.
    expect(seen.slice(0, BURST).map((s) => s.remaining)).toEqual(['5', '4', '3', '2', '1', '0']);
    const accepted = seen.filter((s) => s.status === 201);
    expect(accepted).toHaveLength(2 * BURST);
    expect((accepted.at(-1)?.at ?? 0) - started).toBeGreaterThanOrEqual(WINDOW_MS);
  });
});

describe.skipIf(!ready)('failed sign-ins on two processes on one Redis', () => {
  const cluster = useTwoProcesses('cluster-signin', { RATE_LIMIT_SIGNIN_FAILURES: '3', RATE_LIMIT_READS: '0' });
  // Well formed, so it is looked up, and unknown.
  const signIn = (url: string, token = 'tw_pasted-by-mistake-9f1c2e7a') =>
    request<Problem>(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ token }),
    });

  it('refuse an address that failed three times in all, though neither process saw three', async () => {
    const statuses: number[] = [];
    for (const server of [cluster.a, cluster.b, cluster.a]) statuses.push((await signIn(server.url)).status);
    expect(statuses).toEqual([401, 401, 401]);
    const refused = await signIn(cluster.b.url, ADMIN_TOKEN);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await signIn(cluster.a.url, ADMIN_TOKEN)).status).toBe(429);
  });
});

describe.skipIf(!REDIS_URL)('a Redis that stops answering the rate limits', () => {
  const stream = newStream();
  const data = tempDir('redis-down');
  const plug = new Plug(new URL(REDIS_URL ?? 'redis://127.0.0.1'), 6379);
  let server: SpawnedServer;
  let port: number;

  beforeAll(async () => {
    port = await plug.open();
    const viaPlug = new URL(REDIS_URL ?? '');
    viaPlug.port = String(port);
    server = await spawnServer(data.dir, undefined, { ...LIMITED, REDIS_URL: viaPlug.toString(), REDIS_STREAM: stream });
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset if beforeAll failed before assigning it
    await server?.stop();
    await plug.pull();
    await forgetKeys(stream);
    data.remove();
  });

  it('does not stop writes: each process counts on its own, logs it once and counts every such check', async () => {
    expect((await postUpdate(server.url, 'npt', { headline: 'Before the outage' })).status).toBe(201);
    expect(await failuresCounted(server.url)).toBe(0);

    await plug.pull();
    const statuses: number[] = [];
    for (let i = 0; i < BURST + 2; i++) statuses.push((await postUpdate(server.url, 'npt', { headline: `During the outage ${i}` })).status);
    // Fail open, not unlimited: this process's own count still holds the token to its burst.
    expect(statuses.slice(0, BURST)).toEqual(Array.from({ length: BURST }, () => 201));
    expect(statuses.at(-1)).toBe(429);
    expect(await failuresCounted(server.url)).toBeGreaterThanOrEqual(BURST);
    expect(server.output().match(/Redis did not answer a rate-limit check/g)).toHaveLength(1);

    await plug.open(port);
    const deadline = Date.now() + 15_000;
    while ((await request(`${server.url}/readyz`)).status !== 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const counted = await failuresCounted(server.url);
    await postUpdate(server.url, 'npt', { headline: 'After the outage' });
    expect(await failuresCounted(server.url)).toBe(counted);
  });
});
