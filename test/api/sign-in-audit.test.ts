import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditResponse, CreateTokenResponse, Problem } from '@treaty-watch/shared';
import { request } from '../support/api-client';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { testClock } from '../support/test-clock';
import { useServer } from '../support/use-server';

const clock = testClock(new Date('2026-12-01T08:00:00.000Z'));
// Requests come through a trusted loopback proxy, so each test's browser has an address of its own.
const ctx = useServer({ now: clock.now, signInFailuresPerMinute: 3, trustProxy: ['loopback'] });
const base = () => ctx.server.url;
const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

const signIn = (token: string, address: string) =>
  request<Problem>(`${base()}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base(), 'x-forwarded-for': address },
    body: JSON.stringify({ token }),
  });
const audit = async (query: string) =>
  (await request<AuditResponse>(`${base()}/api/audit?${query}`, { headers: adminHeaders })).body.entries;
const failures = async (reason: string) =>
  Number(
    new RegExp(`^treaty_watch_signins_failed_total\\{reason="${reason}"\\} (\\S+)$`, 'm').exec(
      await (await fetch(`${base()}/metrics`)).text(),
    )?.[1] ?? 0,
  );

describe('signing in and out in the audit trail', () => {
  it('records who signed in and out, with which token and when, under kinds of their own', async () => {
    const created = await request<CreateTokenResponse>(`${base()}/api/tokens`, {
      method: 'POST',
      headers: adminHeaders,
      body: JSON.stringify({ name: 'night-desk', role: 'editor' }),
    });
    const { token, info } = created.body;
    const signedIn = await signIn(token, '198.51.100.1');
    expect(signedIn.status).toBe(201);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    clock.advance(90 * 60 * 1000);
    const out = await request(`${base()}/api/session`, {
      method: 'DELETE',
      headers: { cookie, origin: base(), 'x-forwarded-for': '198.51.100.1' },
    });
    expect(out.status).toBe(200);

    const started = await audit('kind=session.started');
    expect(started[0]).toMatchObject({
      actor: 'night-desk',
      tokenId: info.id,
      target: info.id,
      action: 'session.started',
      at: '2026-12-01T08:00:00.000Z',
    });
    const ended = await audit('kind=session.ended');
    expect(ended[0]).toMatchObject({ actor: 'night-desk', tokenId: info.id, action: 'session.ended', at: '2026-12-01T09:30:00.000Z' });
    expect((await audit(`token=${info.id}`)).map((entry) => entry.action)).toEqual(['session.ended', 'session.started']);
  });
});

describe('failed sign-ins', () => {
  it('are counted, never stored with what was pasted, and an address that fails too often waits', async () => {
    const pasted = 'tw_pasted-by-mistake-9f1c2e7a';
    const counted = await failures('token');
    const trailBefore = await audit('limit=500');
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await signIn(pasted, '203.0.113.7')).status).toBe(401);
    expect((await failures('token')) - counted).toBe(3);

    const refused = await signIn(ADMIN_TOKEN, '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect(await failures('rate')).toBe(1);
    expect((await signIn(ADMIN_TOKEN, '203.0.113.8')).status).toBe(201);

    const trail = await audit('limit=500');
    expect(JSON.stringify(trail)).not.toContain(pasted);
    expect(trail.length - trailBefore.length).toBe(1);
    for (const file of fs.readdirSync(ctx.server.dataDir)) {
      expect(fs.readFileSync(path.join(ctx.server.dataDir, file)).includes(pasted), file).toBe(false);
    }
  });
});
