import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../server/src/config';
import { api } from '../support/api-client';
import type { TestServer } from '../support/in-process-server';
import { rawRequest } from '../support/raw-http';
import { forgetKeys, REDIS_URL, redisKeys } from '../support/redis';
import { useServer } from '../support/use-server';

if (!REDIS_URL)
  process.stdout.write('Rate limits counted in Redis: skipped, set REDIS_URL (e.g. redis://127.0.0.1:6379) to run them; CI sets it.\n');

/** Ten reads a minute in bursts of one: the second read from an address within six seconds is refused. */
const READS = { writes: 0, reads: 10 };

async function reads(url: string, forwardedFor: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) {
    statuses.push((await api(url, { token: null }).get('/api/treaties', { headers: { 'x-forwarded-for': forwardedFor } })).status);
  }
  return statuses;
}

/** Each server again with these settings; a restart starts every rate-limit bucket empty. */
async function restartWith(servers: { server: TestServer }[], changes: Parameters<TestServer['start']>[0]): Promise<string[]> {
  for (const { server } of servers) {
    await server.stop();
    await server.start(changes);
  }
  return servers.map(({ server }) => server.url);
}

describe('whose X-Forwarded-For the rate limits believe', () => {
  const limited = useServer({ rateLimits: READS });
  const limitedServer = async (trustProxy: Config['trustProxy']) => (await restartWith([limited], { trustProxy }))[0] ?? '';

  it('by default nobody: a client that names other addresses still draws on its own bucket', async () => {
    const url = await limitedServer(loadConfig({}).trustProxy);
    expect(await reads(url, '203.0.113.1', 1)).toEqual([200]);
    // Every forged address, spelled every way, is the same loopback peer.
    for (const forged of ['203.0.113.2', '198.51.100.7, 203.0.113.3', '::1', 'unknown', '127.0.0.1']) {
      expect((await reads(url, forged, 1))[0]).toBe(429);
    }
  });

  it('TRUST_PROXY=loopback believes the proxy on this host, so each client behind it has its own bucket', async () => {
    const url = await limitedServer(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy);
    expect(await reads(url, '203.0.113.1', 2)).toEqual([200, 429]);
    expect(await reads(url, '203.0.113.2', 1)).toEqual([200]);
  });

  it('a hop count believes that many proxies and no further: what a client prepends itself does not count', async () => {
    const url = await limitedServer(loadConfig({ TRUST_PROXY: '1' }).trustProxy);
    // The client says 198.51.100.x; the one proxy says it saw 203.0.113.1: the key is the proxy's word.
    expect(await reads(url, '198.51.100.1, 203.0.113.1', 1)).toEqual([200]);
    expect(await reads(url, '198.51.100.2, 203.0.113.1', 1)).toEqual([429]);
    expect(await reads(url, '198.51.100.1, 203.0.113.9', 1)).toEqual([200]);
  });

  it('reads TRUST_PROXY as hops or addresses, and stops at anything else', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: ' loopback, 10.0.0.0/8 ,fd00::/8, 192.0.2.1 ' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.1',
    ]);
    for (const bad of ['true', '*', 'all', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8', 'proxy.example', '-1', '1.5', 'loopback;rm']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

describe.skipIf(!REDIS_URL)('whose X-Forwarded-For the rate limits believe, counted in Redis by two processes', () => {
  const stream = `treaty-watch-test-${randomBytes(4).toString('hex')}`;
  const redis = { url: REDIS_URL ?? '', stream };
  afterEach(() => forgetKeys(stream));

  // A describe each, not a restart: a Redis-backed server closed just after it started leaves
  // the Socket.IO adapter's reader rejecting after the test.
  const twoProcesses = (trustProxy: Config['trustProxy']) => {
    const cluster = [useServer({ rateLimits: READS, trustProxy, redis }), useServer({ rateLimits: READS, trustProxy, redis })];
    return () => cluster.map(({ server }) => server.url);
  };

  describe('with TRUST_PROXY unset', () => {
    const urls = twoProcesses(loadConfig({}).trustProxy);
    it('by default nobody: an address forged to the second process still draws on the allowance the first one used', async () => {
      const [one = '', two = ''] = urls();
      expect(await reads(one, '203.0.113.1', 1)).toEqual([200]);
      for (const forged of ['203.0.113.2', '198.51.100.7, 203.0.113.3', '::1', 'unknown']) {
        expect((await reads(two, forged, 1))[0], forged).toBe(429);
      }
    });
  });

  describe('with TRUST_PROXY=loopback', () => {
    const urls = twoProcesses(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy);
    it('TRUST_PROXY=loopback: the address the proxy names is the key, the same on every process', async () => {
      const [one = '', two = ''] = urls();
      expect(await reads(one, '203.0.113.1', 1)).toEqual([200]);
      expect(await reads(two, '203.0.113.1', 1)).toEqual([429]);
      expect(await reads(two, '203.0.113.2', 1)).toEqual([200]);
    });
  });

  describe('with writes limited', () => {
    const writing = useServer({ rateLimits: { writes: 60, reads: 0 }, redis });
    it('counts hostile tokens under their hash alone: 4xx, never 5xx, and nothing of theirs stored in Redis', async () => {
      const hostile = [
        'x'.repeat(8000),
        '\u00e9\u00e9',
        'a\tb',
        `${stream}:rate-limit:writes:*`,
        '../../..',
        'é'.repeat(100),
        '\u0001\u007f',
      ];
      for (const token of hostile) {
        for (let i = 0; i < 8; i++) {
          const answer = await rawRequest(
            writing.server.url,
            'POST',
            '/api/treaties/npt/updates',
            { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            '{"headline":"x"}',
          );
          if (answer) expect(answer.status, JSON.stringify(token)).toBeGreaterThanOrEqual(400);
          if (answer) expect(answer.status, JSON.stringify(token)).toBeLessThan(500);
        }
      }
      const keys = await redisKeys(`${stream}:rate-limit:`);
      expect(keys.length).toBeGreaterThan(0);
      // What is not one bearer token (a tab inside) counts against the address instead.
      for (const key of keys) expect(key).toMatch(new RegExp(`^${stream}:rate-limit:writes:(token:[0-9a-f]{64}|ip:127\\.0\\.0\\.1)$`));
    });
  });
});
