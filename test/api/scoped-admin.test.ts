import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateTokenResponse, CreateWebhookResponse, Problem, TokensResponse, TreatyDetailResponse } from '@treaty-watch/shared';
import { API_ROUTES } from '../../server/src/http/openapi/routes-table';
import { hashToken } from '../../server/src/services/token-service';
import { postUpdate, request } from '../support/api-client';
import { ADMIN_TOKEN, startServer, type TestServer } from '../support/in-process-server';

let server: TestServer;
/** An admin token limited to the INF Treaty, as versions before scopes were refused on admin tokens could make. */
const SCOPED_ADMIN = `tw_${randomUUID()}`;
let editorId = '';
let webhookId = '';

function call<T>(method: string, path: string, body?: unknown, token = ADMIN_TOKEN) {
  return request<T>(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

beforeAll(async () => {
  server = await startServer();
  await server.app.store.transaction((tx) =>
    tx.createToken({ id: randomUUID(), name: 'old scoped admin', role: 'admin', treaties: ['inf'], hash: hashToken(SCOPED_ADMIN), createdAt: new Date().toISOString() }),
  );
  editorId = (await call<CreateTokenResponse>('POST', '/api/tokens', { role: 'editor', name: 'someone else' })).body.info.id;
  webhookId = (await call<CreateWebhookResponse>('POST', '/api/webhooks', { url: 'https://wire.example/hook', treaties: ['npt'] })).body.endpoint.id;
});
afterAll(() => server.close());

/** Valid requests for each admin route, so that only the token can be why one is refused. */
const BODIES: Record<string, unknown> = {
  'post /api/treaties': { id: 'scope-test', name: 'Scope Test Treaty', shortName: 'STT', category: 'arms control', status: 'negotiating', summary: 'x' },
  'patch /api/treaties/{id}': { summary: 'Changed by a scoped admin', effectiveAt: '2026-01-01T00:00:00Z' },
  'post /api/tokens': { role: 'admin', name: 'minted by scoped admin' },
  'post /api/tokens/{id}/revoke': {},
  'post /api/webhooks': { url: 'https://attacker.example/hook' },
  'patch /api/webhooks/{id}': { treaties: null },
};

function pathOf(path: string, treatyId: string): string {
  if (path.startsWith('/api/treaties/')) return path.replace('{id}', treatyId);
  if (path.startsWith('/api/tokens/')) return path.replace('{id}', editorId);
  return path.replace('{id}', webhookId);
}

/** What an admin route could have changed: read back with the unscoped token. */
async function state() {
  const [tokens, webhooks, audit, inf, npt, treaties] = await Promise.all(
    ['/api/tokens', '/api/webhooks', '/api/audit', '/api/treaties/inf', '/api/treaties/npt', '/api/treaties'].map((p) => call('GET', p)),
  );
  // Using a token notes when it was last used; that is all it may change.
  const list = (tokens?.body as TokensResponse).tokens.map(({ lastUsedAt: _used, ...token }) => token);
  return {
    tokens: list,
    webhooks: webhooks?.body,
    audit: audit?.body,
    versions: [inf, npt].map((t) => (t?.body as TreatyDetailResponse).treaty.version),
    treaties: treaties?.body,
  };
}

const adminRoutes = API_ROUTES.filter((route) => route.role === 'admin');

describe('an admin token with a treaty scope, left in the database from before', () => {
  it('the routes table has admin routes to try', () => {
    expect(adminRoutes.length).toBeGreaterThanOrEqual(12);
  });

  it.each(adminRoutes.flatMap((route) => (route.path.startsWith('/api/treaties/') ? ['inf', 'npt'] : ['npt']).map((treaty) => [route.method, route.path, treaty] as const)))(
    'is refused on %s %s (treaty %s) and changes nothing',
    async (method, path, treaty) => {
      const before = await state();
      const answer = await call<Problem>(method.toUpperCase(), pathOf(path, treaty), BODIES[`${method} ${path}`], SCOPED_ADMIN);
      expect(answer.status).toBe(403);
      expect(answer.contentType).toContain('application/problem+json');
      expect(answer.body.detail).toMatch(/limited to inf/);
      expect(await state()).toEqual(before);
    },
  );

  it('still writes within its scope as an editor would, and nowhere else', async () => {
    expect((await postUpdate(server.url, 'inf', { headline: 'Inside the scope' }, SCOPED_ADMIN)).status).toBe(201);
    const outside = await postUpdate<Problem>(server.url, 'npt', { headline: 'Outside the scope' }, SCOPED_ADMIN);
    expect(outside.status).toBe(403);
  });

  it('the same routes answer the unscoped admin token (the 403s above are the scope, not the requests)', async () => {
    for (const route of adminRoutes.filter((r) => r.method === 'get')) {
      expect((await call(route.method.toUpperCase(), pathOf(route.path, 'npt'))).status).toBe(200);
    }
    const minted = await call('POST', '/api/tokens', BODIES['post /api/tokens']);
    expect(minted.status).toBe(201);
  });
});
