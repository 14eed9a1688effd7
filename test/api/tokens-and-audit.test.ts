import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import {
  auditResponseSchema,
  createTokenResponseSchema,
  tokensResponseSchema,
  type AuditResponse,
  type CreateTokenResponse,
  type PostUpdateResponse,
  type Problem,
  type TokensResponse,
} from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { ADMIN_TOKEN, startServer, type TestServer } from '../support/in-process-server';

let server: TestServer;
const sockets: ReturnType<typeof io>[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(() => server.close());

function call<T>(method: string, path: string, body?: unknown, token: string | null = ADMIN_TOKEN, headers: Record<string, string> = {}) {
  return request<T>(`${server.url}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

async function createToken(body: unknown) {
  const response = await call<CreateTokenResponse>('POST', '/api/tokens', body);
  expect(response.status).toBe(201);
  return createTokenResponseSchema.parse(response.body);
}

describe('tokens through the admin API', () => {
  it('creates a scoped desk token that may post only to its treaties', async () => {
    const { token, info } = await createToken({ role: 'editor', name: 'arms desk', treaties: ['new-start', 'inf'] });
    expect(info).toMatchObject({ role: 'editor', name: 'arms desk', treaties: ['new-start', 'inf'] });
    expect(JSON.stringify(info)).not.toContain(token);

    expect((await postUpdate(server.url, 'inf', { headline: 'Desk note on INF' }, token)).status).toBe(201);
    const outside = await postUpdate<Problem>(server.url, 'npt', { headline: 'Not our treaty' }, token);
    expect(outside.status).toBe(403);
    expect(outside.body.detail).toMatch(/only to new-start, inf/);
  });

  it('keeps editors out of admin endpoints', async () => {
    const { token } = await createToken({ role: 'editor', name: 'night desk' });
    expect((await call('GET', '/api/tokens', undefined, token)).status).toBe(403);
    expect((await call('POST', '/api/tokens', { role: 'admin', name: 'escalate' }, token)).status).toBe(403);
    expect((await call('GET', '/api/audit', undefined, token)).status).toBe(403);
    expect((await call('GET', '/api/tokens', undefined, null)).status).toBe(401);
  });

  it('lists tokens with their last use and never their values or hashes', async () => {
    const { token } = await createToken({ role: 'editor', name: 'wire script' });
    await postUpdate(server.url, 'npt', { headline: 'From the wire' }, token);
    const { body } = await call<TokensResponse>('GET', '/api/tokens');
    tokensResponseSchema.parse(body);
    const wire = body.tokens.find((t) => t.name === 'wire script');
    expect(wire?.lastUsedAt).toBeDefined();
    expect(JSON.stringify(body)).not.toMatch(/tw_|hash/);
  });

  it('revokes a token at once, over HTTP and on the sockets that used it', async () => {
    const { token, info } = await createToken({ role: 'editor', name: 'revoked desk' });
    const socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const revoked = await call('POST', `/api/tokens/${info.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    expect((await postUpdate(server.url, 'npt', { headline: 'Too late' }, token)).status).toBe(401);

    const again = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
    sockets.push(again);
    const error = await new Promise<Error>((resolve) => again.once('connect_error', resolve));
    expect(error.message).toBe('token rejected');
  });

  it.each([
    [{ role: 'owner', name: 'x' }, 'role'],
    [{ role: 'editor', name: '' }, 'name'],
    [{ role: 'editor', name: 'x', treaties: ['Not A Slug'] }, 'treaties.0'],
    [{ role: 'editor', name: 'x', treaties: [] }, 'treaties'],
    [{ role: 'admin', name: 'scoped admin', treaties: ['inf'] }, 'treaties'],
  ])('refuses to create %j', async (body, field) => {
    const { status, body: problem } = await call<Problem>('POST', '/api/tokens', body);
    expect(status).toBe(400);
    expect(problem.errors?.map((e) => e.field)).toContain(field);
  });

  it('answers 404 when revoking an unknown token', async () => {
    expect((await call('POST', '/api/tokens/no-such-token/revoke', {})).status).toBe(404);
  });

  it('refuses a name a live token holds, in any case, and frees it once that token is revoked', async () => {
    const { info } = await createToken({ role: 'editor', name: 'foreign desk' });
    for (const name of ['foreign desk', 'Foreign Desk', '  foreign desk ']) {
      const taken = await call<Problem>('POST', '/api/tokens', { role: 'admin', name });
      expect(taken.status).toBe(409);
      expect(taken.contentType).toContain('application/problem+json');
      expect(taken.body.detail).toContain(info.id);
    }
    const named = (await call<TokensResponse>('GET', '/api/tokens')).body.tokens.filter((t) => t.name.toLowerCase() === 'foreign desk');
    expect(named).toHaveLength(1);

    expect((await call('POST', `/api/tokens/${info.id}/revoke`, {})).status).toBe(200);
    const again = await createToken({ role: 'editor', name: 'foreign desk' });
    expect(again.info.id).not.toBe(info.id);
  });

  it('revokes by id only: a name in the path is not found and revokes nothing', async () => {
    const { token } = await createToken({ role: 'editor', name: 'by-name desk' });
    const byName = await call<Problem>('POST', `/api/tokens/${encodeURIComponent('by-name desk')}/revoke`, {});
    expect(byName.status).toBe(404);
    expect((await postUpdate(server.url, 'npt', { headline: 'Still writing' }, token)).status).toBe(201);
  });
});

describe('the audit trail', () => {
  it('records who did what, when and with which token, newest first', async () => {
    const { token, info } = await createToken({ role: 'editor', name: 'audited desk' });
    const { body: posted } = await postUpdate<PostUpdateResponse>(server.url, 'npt', { headline: 'Audited post' }, token);
    await call('PATCH', `/api/updates/${posted.update.id}`, { headline: 'Audited post, corrected' }, token);

    const { status, body } = await call<AuditResponse>('GET', '/api/audit?limit=3');
    expect(status).toBe(200);
    auditResponseSchema.parse(body);
    expect(body.entries.map((e) => [e.action, e.actor, e.tokenId, e.target])).toEqual([
      ['update.corrected', 'audited desk', info.id, posted.update.id],
      ['update.posted', 'audited desk', info.id, posted.update.id],
      ['token.created', 'admin', 'env:ADMIN_TOKEN', info.id],
    ]);
    const older = await call<AuditResponse>('GET', `/api/audit?limit=1&before=${body.entries[2]?.id}`);
    expect(older.body.entries[0]?.id).toBeLessThan(body.entries[2]?.id ?? 0);
  });

  it('records nothing for a write that failed', async () => {
    const before = await call<AuditResponse>('GET', '/api/audit?limit=1');
    await postUpdate(server.url, 'inf', { headline: 'x', status: 'in_force' });
    const after = await call<AuditResponse>('GET', '/api/audit?limit=1');
    expect(after.body.entries[0]?.id).toBe(before.body.entries[0]?.id);
  });
});

describe('Idempotency-Key', () => {
  it('returns the first result to a retry and writes nothing twice', async () => {
    const key = `retry-${Date.now()}`;
    const headers = { 'idempotency-key': key };
    const first = await call<PostUpdateResponse>('POST', '/api/treaties/npt/updates', { headline: 'Posted once' }, ADMIN_TOKEN, headers);
    const retries = await Promise.all(
      [1, 2, 3].map(() => call<PostUpdateResponse>('POST', '/api/treaties/npt/updates', { headline: 'Posted once' }, ADMIN_TOKEN, headers)),
    );
    expect(first.status).toBe(201);
    for (const retry of retries) {
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
    }
    const { body } = await request<{ updates: { headline: string }[] }>(`${server.url}/api/treaties/npt`);
    expect(body.updates.filter((u) => u.headline === 'Posted once')).toHaveLength(1);
  });

  it('replays an embargo with its 202 and a correction with its 200, as first answered', async () => {
    const keyed = (name: string) => ({ 'idempotency-key': `${name}-${Date.now()}` });
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    const embargoKey = keyed('embargo');
    const correctionKey = keyed('correction');
    const posted = await call<PostUpdateResponse>('POST', '/api/treaties/npt/updates', { headline: 'To correct' });
    const writes = [
      { status: 202, send: () => call('POST', '/api/treaties/npt/updates', { headline: 'Held back', publishAt }, ADMIN_TOKEN, embargoKey) },
      { status: 200, send: () => call('PATCH', `/api/updates/${posted.body.update.id}`, { headline: 'Corrected once' }, ADMIN_TOKEN, correctionKey) },
    ];
    for (const { status, send } of writes) {
      const first = await send();
      const retry = await send();
      expect([first.status, retry.status]).toEqual([status, status]);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
    }
  });

  it('refuses the same key with a different request', async () => {
    const headers = { 'idempotency-key': `reuse-${Date.now()}` };
    await call('POST', '/api/treaties/npt/updates', { headline: 'First body' }, ADMIN_TOKEN, headers);
    const reused = await call<Problem>('POST', '/api/treaties/npt/updates', { headline: 'Second body' }, ADMIN_TOKEN, headers);
    expect(reused.status).toBe(422);
    expect(reused.contentType).toContain('application/problem+json');
  });

  it('keeps keys apart per token', async () => {
    const { token } = await createToken({ role: 'editor', name: 'second desk' });
    const headers = { 'idempotency-key': `shared-${Date.now()}` };
    const a = await call<PostUpdateResponse>('POST', '/api/treaties/npt/updates', { headline: 'Same key' }, ADMIN_TOKEN, headers);
    const b = await call<PostUpdateResponse>('POST', '/api/treaties/npt/updates', { headline: 'Same key' }, token, headers);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.update.id).not.toBe(a.body.update.id);
  });
});
