import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateTokenResponse, CreateWebhookResponse, Problem, TokensResponse, TreatyDetailResponse } from '@treaty-watch/shared';
import { API_ROUTES } from '../../server/src/http/openapi/routes';
import { hashToken } from '../../server/src/services/token-service';
import { useServer } from '../support/use-server';

const board = useServer();
/** An admin token limited to the INF Treaty, as versions before scopes were refused on admin tokens could make. */
const SCOPED_ADMIN = `tw_${randomUUID()}`;
let editorId = '';
let webhookId = '';

beforeAll(async () => {
  await board.server.app.store.transaction((tx) =>
    tx.createToken({
      id: randomUUID(),
      name: 'old scoped admin',
      role: 'admin',
      treaties: ['inf'],
      hash: hashToken(SCOPED_ADMIN),
      createdAt: new Date().toISOString(),
    }),
  );
  editorId = (await board.api.post<CreateTokenResponse>('/api/tokens', { role: 'editor', name: 'someone else' })).body.info.id;
  webhookId = (await board.api.post<CreateWebhookResponse>('/api/webhooks', { url: 'https://wire.example/hook', treaties: ['npt'] })).body
    .endpoint.id;
});

/** Valid requests for each admin route, so that only the token can be why one is refused. */
const BODIES: Record<string, unknown> = {
  'post /api/treaties': {
    id: 'scope-test',
    name: 'Scope Test Treaty',
    shortName: 'STT',
    category: 'confidence_building',
    status: 'negotiating',
    summary: 'x',
  },
  'patch /api/treaties/{id}': { summary: 'Changed by a scoped admin', effectiveAt: '2026-01-01T00:00:00Z' },
  'post /api/tokens': { role: 'admin', name: 'minted by scoped admin' },
  'post /api/tokens/{id}/revoke': {},
  'post /api/webhooks': { url: 'https://attacker.example/hook' },
  'patch /api/webhooks/{id}': { treaties: null },
  'post /api/subscriptions/lookup': { email: 'reader@example.org' },
};

/** Where a valid request's answer is not the route's success: this board has no readers (it sends no mail). */
const NOT_SUCCESS: Record<string, number> = { 'post /api/subscriptions/lookup': 404 };

function pathOf(path: string, treatyId: string): string {
  if (path.startsWith('/api/treaties/')) return path.replace('{id}', treatyId);
  if (path.startsWith('/api/tokens/')) return path.replace('{id}', editorId);
  return path.replace('{id}', webhookId);
}

/** What an admin route could have changed: read back with the unscoped token. */
async function state() {
  const [tokens, webhooks, audit, inf, npt, treaties] = await Promise.all(
    ['/api/tokens', '/api/webhooks', '/api/audit', '/api/treaties/inf', '/api/treaties/npt', '/api/treaties'].map((p) => board.api.get(p)),
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

  it.each(
    adminRoutes.flatMap((route) =>
      (route.path.startsWith('/api/treaties/') ? ['inf', 'npt'] : ['npt']).map((treaty) => [route.method, route.path, treaty] as const),
    ),
  )('is refused on %s %s (treaty %s) and changes nothing', async (method, path, treaty) => {
    const before = await state();
    const answer = await board.api.send<Problem>(method, pathOf(path, treaty), BODIES[`${method} ${path}`], { token: SCOPED_ADMIN });
    expect(answer.status).toBe(403);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body.detail).toMatch(/limited to inf/);
    expect(await state()).toEqual(before);
  });

  it('still writes within its scope as an editor would, and nowhere else', async () => {
    const asScoped = { token: SCOPED_ADMIN };
    expect((await board.api.postUpdate('inf', { headline: 'Inside the scope' }, asScoped)).status).toBe(201);
    const outside = await board.api.postUpdate<Problem>('npt', { headline: 'Outside the scope' }, asScoped);
    expect(outside.status).toBe(403);
  });

  it('the same requests succeed with the unscoped admin token (the 403s above are the scope, not the requests)', async () => {
    // The endpoint is removed last: the routes that read or change it come first.
    const lastDeleted = [...adminRoutes].sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
    for (const route of lastDeleted) {
      const path = pathOf(route.path, 'npt');
      const version = route.headers?.ifMatch ? (await board.api.get<TreatyDetailResponse>(path)).body.treaty.version : undefined;
      const answer = await board.api.send(route.method, path, BODIES[`${route.method} ${route.path}`], {
        headers: version ? { 'if-match': `"${version}"` } : {},
      });
      expect(answer.status, `${route.method} ${route.path}: ${JSON.stringify(answer.body)}`).toBe(
        NOT_SUCCESS[`${route.method} ${route.path}`] ?? route.ok[0],
      );
    }
  });
});
