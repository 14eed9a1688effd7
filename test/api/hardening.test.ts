import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { CreateTokenResponse, Problem } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { ADMIN_TOKEN, startServer, type TestServer } from '../support/in-process-server';

let limited: TestServer;
beforeAll(async () => {
  // As behind the nginx of deploy/: the test's own requests come through a trusted loopback proxy.
  limited = await startServer({ rateLimits: { writes: 60, reads: 120 }, corsOrigins: ['https://partner.example'], trustProxy: ['loopback'] });
});
afterAll(() => limited.close());

describe('rate limits', () => {
  it('lets a burst of writes through, then answers 429 with Retry-After and RateLimit headers', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof postUpdate<Problem>>> | undefined;
    for (let i = 0; i < 8; i++) {
      last = await postUpdate<Problem>(limited.url, 'npt', { headline: `Burst ${i}` });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 6)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(statuses.at(-1)).toBe(429);
    expect(last?.contentType).toContain('application/problem+json');
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(last?.headers.get('ratelimit')).toMatch(/limit=6, remaining=0, reset=\d+/);
    expect(last?.headers.get('ratelimit-policy')).toBe('60;w=60;burst=6');
  });

  it("counts a signed-in browser's writes against its session's token, whatever address they come from", async () => {
    // A server of its own: the admin token's allowance here is not the burst test's.
    const roaming = await startServer({ rateLimits: { writes: 60, reads: 0 }, trustProxy: ['loopback'] });
    onTestFinished(() => roaming.close());
    const created = await request<CreateTokenResponse>(`${roaming.url}/api/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'roaming-desk', role: 'editor' }),
    });
    const { token } = created.body;
    const browser = async (address: string) => {
      const signedIn = await request(`${roaming.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: roaming.url, 'x-forwarded-for': address },
        body: JSON.stringify({ token: token }),
      });
      expect(signedIn.status).toBe(201);
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return (headline: string) =>
        request(`${roaming.url}/api/treaties/npt/updates`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: roaming.url, cookie, 'x-forwarded-for': address },
          body: JSON.stringify({ headline }),
        });
    };
    const office = await browser('198.51.100.20');
    const phone = await browser('198.51.100.21');
    const laptop = await browser('198.51.100.22');
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) statuses.push((await office(`Office ${i}`)).status);
    for (let i = 0; i < 2; i++) statuses.push((await phone(`Phone ${i}`)).status);
    for (let i = 0; i < 2; i++) statuses.push((await postUpdate(roaming.url, 'npt', { headline: `Script ${i}` }, token)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201]);
    const over = await laptop('Laptop, one past the burst');
    expect(over.status).toBe(429);
    expect(over.headers.get('ratelimit')).toMatch(/limit=6, remaining=0/);
  });

  it('counts reads per address, apart from writes', async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.9' };
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await request(`${limited.url}/api/treaties`, { headers: forwarded })).status);
    expect(statuses.slice(0, 12).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const other = await request(`${limited.url}/api/treaties`, { headers: { 'x-forwarded-for': '203.0.113.10' } });
    expect(other.status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy with no inline script and no framing', async () => {
    const response = await fetch(`${limited.url}/healthz`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers CORS only for configured origins', async () => {
    const allowed = await fetch(`${limited.url}/api/treaties`, { headers: { origin: 'https://partner.example', 'x-forwarded-for': '198.51.100.1' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    const refused = await fetch(`${limited.url}/api/treaties`, { headers: { origin: 'https://elsewhere.example', 'x-forwarded-for': '198.51.100.2' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${limited.url}/api/treaties/npt/updates`, {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    // Every method the API answers to, removing a webhook endpoint included.
    expect(preflight.headers.get('access-control-allow-methods')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'PATCH', 'POST']);
  });
});

describe('request ids', () => {
  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await fetch(`${limited.url}/healthz`, { headers: { 'x-request-id': 'desk-42.retry:1' } });
    expect(given.headers.get('x-request-id')).toBe('desk-42.retry:1');
    const made = await fetch(`${limited.url}/healthz`, { headers: { 'x-request-id': 'no spaces <allowed>' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
