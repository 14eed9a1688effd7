import { afterEach, describe, expect, it } from 'vitest';
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
import { useServer } from '../support/use-server';

const board = useServer();
const sockets: ReturnType<typeof io>[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

async function createToken(body: unknown) {
  const response = await board.api.post<CreateTokenResponse>('/api/tokens', body);
  expect(response.status).toBe(201);
  return createTokenResponseSchema.parse(response.body);
}

describe('tokens through the admin API', () => {
  it('creates a scoped desk token that may post only to its treaties', async () => {
    const { token, info } = await createToken({ role: 'editor', name: 'arms desk', treaties: ['new-start', 'inf'] });
    expect(info).toMatchObject({ role: 'editor', name: 'arms desk', treaties: ['new-start', 'inf'] });
    expect(JSON.stringify(info)).not.toContain(token);

    expect((await board.api.postUpdate('inf', { headline: 'Desk note on INF' }, { token })).status).toBe(201);
    const outside = await board.api.postUpdate<Problem>('npt', { headline: 'Not our treaty' }, { token });
    expect(outside.status).toBe(403);
    expect(outside.body.detail).toMatch(/only to new-start, inf/);
  });

  it('keeps editors out of admin endpoints', async () => {
    const { token } = await createToken({ role: 'editor', name: 'night desk' });
    expect((await board.api.get('/api/tokens', { token })).status).toBe(403);
    expect((await board.api.post('/api/tokens', { role: 'admin', name: 'escalate' }, { token })).status).toBe(403);
    expect((await board.api.get('/api/audit', { token })).status).toBe(403);
    expect((await board.api.get('/api/tokens', { token: null })).status).toBe(401);
  });

  it('lists tokens with their last use and never their values or hashes', async () => {
    const { token } = await createToken({ role: 'editor', name: 'wire script' });
    await board.api.postUpdate('npt', { headline: 'From the wire' }, { token });
    const { body } = await board.api.get<TokensResponse>('/api/tokens');
    tokensResponseSchema.parse(body);
    const wire = body.tokens.find((t) => t.name === 'wire script');
    expect(wire?.lastUsedAt).toBeDefined();
    expect(JSON.stringify(body)).not.toMatch(/tw_|hash/);
  });

  it('revokes a token at once, over HTTP and on the sockets that used it', async () => {
    const { token, info } = await createToken({ role: 'editor', name: 'revoked desk' });
    const socket = io(board.server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const revoked = await board.api.post(`/api/tokens/${info.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    expect((await board.api.postUpdate('npt', { headline: 'Too late' }, { token })).status).toBe(401);

    const again = io(board.server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
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
    const { status, body: problem } = await board.api.post<Problem>('/api/tokens', body);
    expect(status).toBe(400);
    expect(problem.errors?.map((e) => e.field)).toContain(field);
  });

  it('answers 404 when revoking an unknown token', async () => {
    expect((await board.api.post('/api/tokens/no-such-token/revoke', {})).status).toBe(404);
  });

  it('refuses a name a live token holds, in any case, and frees it once that token is revoked', async () => {
    const { info } = await createToken({ role: 'editor', name: 'foreign desk' });
    for (const name of ['foreign desk', 'Foreign Desk', '  foreign desk ']) {
      const taken = await board.api.post<Problem>('/api/tokens', { role: 'admin', name });
      expect(taken.status).toBe(409);
      expect(taken.contentType).toContain('application/problem+json');
      expect(taken.body.detail).toContain(info.id);
    }
    const named = (await board.api.get<TokensResponse>('/api/tokens')).body.tokens.filter((t) => t.name.toLowerCase() === 'foreign desk');
    expect(named).toHaveLength(1);

    expect((await board.api.post(`/api/tokens/${info.id}/revoke`, {})).status).toBe(200);
    const again = await createToken({ role: 'editor', name: 'foreign desk' });
    expect(again.info.id).not.toBe(info.id);
  });

  it('revokes by id only: a name in the path is not found and revokes nothing', async () => {
    const { token } = await createToken({ role: 'editor', name: 'by-name desk' });
    const byName = await board.api.post<Problem>(`/api/tokens/${encodeURIComponent('by-name desk')}/revoke`, {});
    expect(byName.status).toBe(404);
    expect((await board.api.postUpdate('npt', { headline: 'Still writing' }, { token })).status).toBe(201);
  });
});

describe('the audit trail', () => {
  it('records who did what, when and with which token, newest first', async () => {
    const { token, info } = await createToken({ role: 'editor', name: 'audited desk' });
    const { body: posted } = await board.api.postUpdate<PostUpdateResponse>('npt', { headline: 'Audited post' }, { token });
    await board.api.patch(`/api/updates/${posted.update.id}`, { headline: 'Audited post, corrected' }, { token });

    const { status, body } = await board.api.get<AuditResponse>('/api/audit?limit=3');
    expect(status).toBe(200);
    auditResponseSchema.parse(body);
    expect(body.entries.map((e) => [e.action, e.actor, e.tokenId, e.target])).toEqual([
      ['update.corrected', 'audited desk', info.id, posted.update.id],
      ['update.posted', 'audited desk', info.id, posted.update.id],
      ['token.created', 'admin', 'env:ADMIN_TOKEN', info.id],
    ]);
    const older = await board.api.get<AuditResponse>(`/api/audit?limit=1&before=${body.entries[2]?.id}`);
    expect(older.body.entries[0]?.id).toBeLessThan(body.entries[2]?.id ?? 0);
  });

  it('records nothing for a write that failed', async () => {
    const before = await board.api.get<AuditResponse>('/api/audit?limit=1');
    expect((await board.api.postUpdate('inf', { headline: 'x', status: 'in_force' })).status).toBe(409);
    const after = await board.api.get<AuditResponse>('/api/audit?limit=1');
    expect(after.body.entries[0]?.id).toBe(before.body.entries[0]?.id);
  });
});

describe('Idempotency-Key', () => {
  it('returns the first result to a retry and writes nothing twice', async () => {
    const key = `retry-${Date.now()}`;
    const headers = { 'idempotency-key': key };
    const first = await board.api.post<PostUpdateResponse>('/api/treaties/npt/updates', { headline: 'Posted once' }, { headers });
    const retries = await Promise.all(
      [1, 2, 3].map(() => board.api.post<PostUpdateResponse>('/api/treaties/npt/updates', { headline: 'Posted once' }, { headers })),
    );
    expect(first.status).toBe(201);
    for (const retry of retries) {
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
    }
    const { body } = await board.api.get<{ updates: { headline: string }[] }>('/api/treaties/npt');
    expect(body.updates.filter((u) => u.headline === 'Posted once')).toHaveLength(1);
  });

  it('replays an embargo with its 202 and a correction with its 200, as first answered', async () => {
    const keyed = (name: string) => ({ 'idempotency-key': `${name}-${Date.now()}` });
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    const embargoKey = keyed('embargo');
    const correctionKey = keyed('correction');
    const posted = await board.api.post<PostUpdateResponse>('/api/treaties/npt/updates', { headline: 'To correct' });
    const writes = [
      {
        status: 202,
        send: () => board.api.post('/api/treaties/npt/updates', { headline: 'Held back', publishAt }, { headers: embargoKey }),
      },
      {
        status: 200,
        send: () => board.api.patch(`/api/updates/${posted.body.update.id}`, { headline: 'Corrected once' }, { headers: correctionKey }),
      },
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
    await board.api.post('/api/treaties/npt/updates', { headline: 'First body' }, { headers });
    const reused = await board.api.post<Problem>('/api/treaties/npt/updates', { headline: 'Second body' }, { headers });
    expect(reused.status).toBe(422);
    expect(reused.contentType).toContain('application/problem+json');
  });

  it('keeps keys apart per token', async () => {
    const { token } = await createToken({ role: 'editor', name: 'second desk' });
    const headers = { 'idempotency-key': `shared-${Date.now()}` };
    const a = await board.api.post<PostUpdateResponse>('/api/treaties/npt/updates', { headline: 'Same key' }, { headers });
    const b = await board.api.post<PostUpdateResponse>('/api/treaties/npt/updates', { headline: 'Same key' }, { token, headers });
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.update.id).not.toBe(a.body.update.id);
  });
});
