import { describe, expect, it } from 'vitest';
import type { AuditResponse, Problem, Role, SessionResponse } from '@treaty-watch/shared';
import { request } from '../support/api-client';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { useServer } from '../support/use-server';

const HOUR = 60 * 60 * 1000;
let clock = Date.parse('2026-12-01T08:00:00.000Z');
const ctx = useServer({ now: () => new Date(clock), sessionIdleMs: 12 * HOUR });
const base = () => ctx.server.url;

const createToken = (name: string, role: Role = 'editor', treaties?: string[]) =>
  ctx.api.createToken({ name, role, ...(treaties ? { treaties } : {}) });

/** Signs in as a browser on this server's own page would, and gives back the cookie to send. */
async function signIn(token: string) {
  const answer = await request<SessionResponse>(`${base()}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base() },
    body: JSON.stringify({ token }),
  });
  expect(answer.status).toBe(201);
  const setCookie = answer.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0] ?? '', setCookie, session: answer.body.session };
}

const whoAmI = (cookie: string) => request<SessionResponse & Problem>(`${base()}/api/session`, { headers: { cookie } });
const postAs = (cookie: string, headline: string, headers: Record<string, string> = { origin: base() }) =>
  request<Problem>(`${base()}/api/treaties/npt/updates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify({ headline }),
  });
const headlines = async () =>
  (await request<{ updates: { headline: string }[] }>(`${base()}/api/treaties/npt`)).body.updates.map((u) => u.headline);

describe('signing in from a browser', () => {
  it('exchanges a token for an HttpOnly, SameSite=Strict cookie that says who is signed in, with role and scope', async () => {
    const { token } = await createToken('arms-desk', 'editor', ['npt', 'inf']);
    const { cookie, setCookie, session } = await signIn(token);
    expect(setCookie).toMatch(/^tw_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Secure/i);
    expect(setCookie).not.toContain(token);
    expect(session).toMatchObject({ name: 'arms-desk', role: 'editor', treaties: ['npt', 'inf'] });
    const me = await whoAmI(cookie);
    expect([me.status, me.body.session.name, me.body.session.treaties]).toEqual([200, 'arms-desk', ['npt', 'inf']]);
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    await ctx.server.stop();
    await ctx.server.start({ trustProxy: ['loopback'] });
    try {
      const answer = await request(`${base()}/api/session`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://news.example',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'news.example',
        },
        body: JSON.stringify({ token: ADMIN_TOKEN }),
      });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    } finally {
      await ctx.server.stop();
      await ctx.server.start({ trustProxy: [] });
    }
  });

  it('keeps only a hash of the session id in the database', async () => {
    const { cookie } = await signIn(ADMIN_TOKEN);
    const id = cookie.split('=')[1] ?? '';
    const store = ctx.server.app.store;
    const { createHash } = await import('node:crypto');
    expect(await store.sessions.findSession(createHash('sha256').update(id).digest('hex'))).toBeDefined();
    expect(await store.sessions.findSession(id)).toBeUndefined();
  });

  it('posts with the cookie alone: no token pasted again, signed with the token’s name', async () => {
    const { token } = await createToken('wire-desk');
    const { cookie } = await signIn(token);
    const posted = await postAs(cookie, 'Posted from a signed-in browser');
    expect(posted.status).toBe(201);
    expect(await headlines()).toContain('Posted from a signed-in browser');
    const audit = await ctx.api.get<AuditResponse>('/api/audit?kind=update.posted&limit=1');
    expect(audit.body.entries[0]?.actor).toBe('wire-desk');
  });

  it('an editor session cannot use admin routes; a scoped session cannot write outside its treaties', async () => {
    const { token } = await createToken('npt-only', 'editor', ['npt']);
    const { cookie } = await signIn(token);
    expect((await request(`${base()}/api/tokens`, { headers: { cookie } })).status).toBe(403);
    const outside = await request(`${base()}/api/treaties/inf/updates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: base() },
      body: JSON.stringify({ headline: 'Outside the scope' }),
    });
    expect(outside.status).toBe(403);
  });

  it('signs out with the button’s DELETE: the cookie no longer works', async () => {
    const { cookie } = await signIn(ADMIN_TOKEN);
    const out = await request(`${base()}/api/session`, { method: 'DELETE', headers: { cookie, origin: base() } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/tw_session=;.*Expires=Thu, 01 Jan 1970/i);
    expect((await whoAmI(cookie)).status).toBe(401);
    expect((await postAs(cookie, 'After signing out')).status).toBe(401);
    expect(await headlines()).not.toContain('After signing out');
  });

  it('ends a session left idle for SESSION_IDLE_HOURS, and keeps one that is used', async () => {
    const { cookie: idle } = await signIn(ADMIN_TOKEN);
    const { cookie: busy } = await signIn(ADMIN_TOKEN);
    for (let hour = 0; hour < 3; hour += 1) {
      clock += 6 * HOUR;
      expect((await whoAmI(busy)).status, `after ${(hour + 1) * 6} hours in use`).toBe(200);
    }
    const ended = await whoAmI(idle);
    expect(ended.status).toBe(401);
    expect(ended.body.detail).toMatch(/ended/);
    clock += 12 * HOUR - 1;
    expect((await whoAmI(busy)).status).toBe(200);
    clock += 12 * HOUR;
    expect((await whoAmI(busy)).status).toBe(401);
  });

  it('revoking the token ends its sessions at their next request', async () => {
    const { token, info } = await createToken('leaving-desk');
    const { cookie } = await signIn(token);
    expect((await postAs(cookie, 'Before the revocation')).status).toBe(201);
    const revoked = await ctx.api.post(`/api/tokens/${info.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    const after = await postAs(cookie, 'After the revocation');
    expect(after.status).toBe(401);
    expect((await whoAmI(cookie)).status).toBe(401);
    expect(await headlines()).not.toContain('After the revocation');
    const again = await request(`${base()}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base() },
      body: JSON.stringify({ token }),
    });
    expect(again.status).toBe(401);
  });
});

describe('cross-site requests', () => {
  it('refuses a cookie write from a foreign Origin, or with neither Origin nor a same-origin Referer (403), and stores nothing', async () => {
    const { cookie } = await signIn(ADMIN_TOKEN);
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: base().replace('127.0.0.1', 'localhost') },
      {},
      { referer: 'https://evil.example/page' },
      { referer: 'not a url' },
    ];
    for (const headers of cases) {
      const answer = await postAs(cookie, 'Cross-site write', headers);
      expect([answer.status, answer.contentType], JSON.stringify(headers)).toEqual([403, 'application/problem+json; charset=utf-8']);
    }
    expect((await postAs(cookie, 'Same-site by Referer', { referer: `${base()}/editor` })).status).toBe(201);
    expect(await headlines()).not.toContain('Cross-site write');
    const out = await request(`${base()}/api/session`, { method: 'DELETE', headers: { cookie, origin: 'https://evil.example' } });
    expect(out.status).toBe(403);
    expect((await whoAmI(cookie)).status).toBe(200);
  });

  it('refuses a sign-in from another site’s page', async () => {
    const answer = await request(`${base()}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ token: ADMIN_TOKEN }),
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('set-cookie')).toBeNull();
  });
});

describe('bearer tokens', () => {
  it('work for scripts exactly as before: no Origin needed, and a cookie beside them changes nothing', async () => {
    expect((await ctx.api.postUpdate('npt', { headline: 'Posted by a script' })).status).toBe(201);
    const { cookie } = await signIn(ADMIN_TOKEN);
    const withBoth = await request(`${base()}/api/treaties/npt/updates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer tw_wrong', cookie },
      body: JSON.stringify({ headline: 'A wrong bearer is not rescued by a cookie' }),
    });
    expect(withBoth.status).toBe(401);
  });
});

describe('hostile cookies, tokens and origins', () => {
  it('answer 4xx, never 5xx, and change nothing', async () => {
    const seq = await ctx.server.app.store.currentSeq();
    const cookies = [
      'tw_session=',
      'tw_session=%ZZ',
      'tw_session=%00',
      `tw_session=${'A'.repeat(43)}`,
      `tw_session=${'x'.repeat(8000)}`,
      'tw_session="quoted"',
      'tw_session=a; tw_session=b',
      ';;;=;tw_session',
      'tw_session=\u00e9\u00e9',
      `${'a=b; '.repeat(500)}tw_session=x`,
    ];
    for (const cookie of cookies) {
      const read = await request(`${base()}/api/session`, { headers: { cookie: Buffer.from(cookie, 'utf8').toString('latin1') } });
      expect(read.status, cookie.slice(0, 40)).toBe(401);
      const write = await postAs(Buffer.from(cookie, 'utf8').toString('latin1'), 'Hostile cookie');
      expect(write.status, cookie.slice(0, 40)).toBe(401);
    }
    const tokens: unknown[] = [
      '',
      ' ',
      'tw_\u0000',
      'tw_\n',
      'x'.repeat(10_000),
      42,
      null,
      ['tw_a'],
      { token: 'x' },
      '\u202etw_',
      'tw_nope',
    ];
    for (const token of tokens) {
      const answer = await request<Problem>(`${base()}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base() },
        body: JSON.stringify({ token }),
      });
      expect([400, 401], JSON.stringify(token).slice(0, 40)).toContain(answer.status);
      if (answer.status === 400) expect(answer.body.errors?.[0]?.field).toBe('token');
    }
    const extra = await request(`${base()}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base() },
      body: JSON.stringify({ token: ADMIN_TOKEN, role: 'admin' }),
    });
    expect(extra.status).toBe(400);
    const { cookie } = await signIn(ADMIN_TOKEN);
    for (const origin of ['', ' ', 'http://', 'javascript:alert(1)', `${base()}/`, `${base()}.evil.example`, 'x'.repeat(8000)]) {
      const answer = await postAs(cookie, 'Hostile origin', { origin });
      expect(answer.status, JSON.stringify(origin).slice(0, 40)).toBe(403);
    }
    expect(await headlines()).not.toContain('Hostile cookie');
    expect(await headlines()).not.toContain('Hostile origin');
    expect(await ctx.server.app.store.currentSeq()).toBe(seq);
  });
});
