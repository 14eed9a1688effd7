import { describe, expect, it } from 'vitest';
import type { Problem } from '@treaty-watch/shared';
import type { JsonResponse } from '../support/api-client';
import { useServer } from '../support/use-server';

// As behind the nginx of deploy/: the test's own requests come through a trusted loopback proxy.
const limited = useServer({ rateLimits: { writes: 60, reads: 120 }, corsOrigins: ['https://partner.example'], trustProxy: ['loopback'] });
const url = () => limited.server.url;
const readFrom = (address: string) => limited.api.get('/api/treaties', { token: null, headers: { 'x-forwarded-for': address } });

describe('rate limits', () => {
  it('lets a burst of writes through, then answers 429 with Retry-After and RateLimit headers', async () => {
    const statuses: number[] = [];
    let last: JsonResponse<Problem> | undefined;
    for (let i = 0; i < 8; i++) {
      last = await limited.api.postUpdate<Problem>('npt', { headline: `Burst ${i}` });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 6)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(statuses.at(-1)).toBe(429);
    expect(last?.contentType).toContain('application/problem+json');
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(last?.headers.get('ratelimit')).toMatch(/limit=6, remaining=0, reset=\d+/);
    expect(last?.headers.get('ratelimit-policy')).toBe('60;w=60;burst=6');
  });

  it('counts reads per address, apart from writes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await readFrom('203.0.113.9')).status);
    expect(statuses.slice(0, 12).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await readFrom('203.0.113.10')).status).toBe(200);
  });
});

describe("a signed-in browser's writes", () => {
  // A server of its own: the admin token's allowance here is not the burst test's.
  const roaming = useServer({ rateLimits: { writes: 60, reads: 0 }, trustProxy: ['loopback'] });

  it("count against its session's token, whatever address they come from", async () => {
    const { token } = await roaming.api.createToken({ name: 'roaming-desk', role: 'editor' });
    const origin = roaming.server.url;
    const browser = async (address: string) => {
      const signedIn = await roaming.api.post('/api/session', { token }, { token: null, headers: { origin, 'x-forwarded-for': address } });
      expect(signedIn.status).toBe(201);
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return (headline: string) =>
        roaming.api.postUpdate('npt', { headline }, { token: null, headers: { origin, cookie, 'x-forwarded-for': address } });
    };
    const office = await browser('198.51.100.20');
    const phone = await browser('198.51.100.21');
    const laptop = await browser('198.51.100.22');
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) statuses.push((await office(`Office ${i}`)).status);
    for (let i = 0; i < 2; i++) statuses.push((await phone(`Phone ${i}`)).status);
    for (let i = 0; i < 2; i++) statuses.push((await roaming.api.postUpdate('npt', { headline: `Script ${i}` }, { token })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201]);
    const over = await laptop('Laptop, one past the burst');
    expect(over.status).toBe(429);
    expect(over.headers.get('ratelimit')).toMatch(/limit=6, remaining=0/);
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy with no inline script and no framing', async () => {
    const response = await fetch(`${url()}/healthz`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers CORS only for configured origins', async () => {
    const allowed = await fetch(`${url()}/api/treaties`, {
      headers: { origin: 'https://partner.example', 'x-forwarded-for': '198.51.100.1' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    const refused = await fetch(`${url()}/api/treaties`, {
      headers: { origin: 'https://elsewhere.example', 'x-forwarded-for': '198.51.100.2' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${url()}/api/treaties/npt/updates`, {
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
    const given = await fetch(`${url()}/healthz`, { headers: { 'x-request-id': 'desk-42.retry:1' } });
    expect(given.headers.get('x-request-id')).toBe('desk-42.retry:1');
    const made = await fetch(`${url()}/healthz`, { headers: { 'x-request-id': 'no spaces <allowed>' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
