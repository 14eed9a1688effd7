import fc from 'fast-check';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES, type PostUpdateResponse, type Problem } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { ADMIN_TOKEN, startServer, type TestServer } from '../support/in-process-server';

let server: TestServer;
let updateId = '';
beforeAll(async () => {
  server = await startServer();
  updateId = (await postUpdate<PostUpdateResponse>(server.url, 'npt', { headline: 'Fuzz target' })).body.update.id;
});
afterAll(() => server.close());

/** Values an integrator might send by mistake, and some an attacker would. */
const nasty = fc.oneof(
  fc.jsonValue(),
  fc.string({ maxLength: 300 }),
  fc.constantFrom('', ' ', 'null', '<script>alert(1)</script>', 'javascript:alert(1)', '../../etc/passwd', '\u0000', 'x'.repeat(6000)),
  fc.constantFrom(...STATUSES, 'expiring', 'IN_FORCE'),
  fc.constantFrom('2019-08-02T00:00:00Z', '2019-08-02', '2999-01-01T00:00:00Z', 'not a date', 'https://example.org/a'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
);
const fields = ['headline', 'body', 'status', 'sourceUrl', 'occurredAt', 'reason', 'id', 'name', 'shortName', 'category', 'role', 'treaties', 'summary', 'expiresAt', 'effectiveAt', 'publishAt', 'secret', 'kinds', 'enabled', '__proto__', 'constructor'];
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...fields), nasty, { maxKeys: 6 }),
  fc.jsonValue(),
  fc.string({ maxLength: 200 }),
);
const routes = fc.constantFrom(
  ['POST', '/api/treaties/new-start/updates'],
  ['POST', '/api/treaties/not-a-treaty/updates'],
  ['PATCH', '/api/updates/{update}'],
  ['POST', '/api/updates/{update}/retract'],
  ['POST', '/api/treaties'],
  ['PATCH', '/api/treaties/inf'],
  ['POST', '/api/tokens'],
  ['POST', '/api/tokens/x/revoke'],
  ['POST', '/api/scheduled/x/cancel'],
  // No generated body carries a url, so no endpoint can be registered that would call out.
  ['POST', '/api/webhooks'],
  ['PATCH', '/api/webhooks/x'],
  ['DELETE', '/api/webhooks/x'],
  ['POST', '/api/webhooks/x/test'],
);
const headerValue = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-16', 'W/"1"', '"999"', 'Bearer', `Bearer ${ADMIN_TOKEN}`));

async function seq(): Promise<number> {
  return server.app.store.currentSeq();
}

/** What a write could leave behind: the log, tokens, the audit trail, embargoes and webhooks. */
async function stored(): Promise<string> {
  const { store } = server.app;
  const [lastAudit] = await store.auditEntries(undefined, 1);
  return JSON.stringify([
    await store.currentSeq(),
    (await store.listTokens()).length,
    lastAudit?.id,
    (await store.listScheduled(undefined, 500)).length,
    (await store.listWebhooks()).length,
  ]);
}

function expectSafe(status: number, problem: Problem | undefined, what: string): void {
  expect(status, what).toBeLessThan(500);
  if (status === 400) {
    expect(problem?.errors?.length, `${what}: a 400 names its fields`).toBeGreaterThan(0);
    for (const error of problem?.errors ?? []) expect(typeof error.field).toBe('string');
  }
}

/** Each property sends over a thousand requests: a shared, busy machine needs more than the default 30 s. */
const PROPERTY_TIMEOUT_MS = 120_000;

describe('generated input', () => {
  it('never makes a write route fail, crash or store a rejected request', async () => {
    await fc.assert(
      fc.asyncProperty(routes, body, fc.option(headerValue), fc.option(headerValue), fc.option(headerValue), async ([method, path], payload, contentType, idempotencyKey, ifMatch) => {
        const before = await stored();
        const headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': contentType ?? 'application/json' };
        if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
        if (ifMatch !== null) headers['if-match'] = ifMatch;
        let response;
        try {
          response = await request<Problem>(`${server.url}${path.replace('{update}', updateId)}`, {
            method,
            headers,
            body: typeof payload === 'string' ? payload : JSON.stringify(payload),
          });
        } catch (error) {
          // Headers fetch itself refuses to send (control characters) never reach the server.
          if (error instanceof TypeError) return;
          throw error;
        }
        expectSafe(response.status, response.body, `${method} ${path} ${JSON.stringify(payload).slice(0, 200)}`);
        if (response.status >= 400) expect(await stored()).toBe(before);
      }),
      { numRuns: 1500 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('never makes a read route fail on any query or id', async () => {
    const query = fc.dictionary(fc.constantFrom('after', 'limit', 'asOf', 'before', 'state', 'x'), fc.oneof(fc.string({ maxLength: 40 }), fc.integer().map(String)), { maxKeys: 3 });
    const readPaths = fc.constantFrom('/api/updates', '/api/snapshot', '/api/treaties', '/api/audit', '/api/scheduled');
    await fc.assert(
      fc.asyncProperty(readPaths, query, fc.string({ maxLength: 80 }), async (path, params, id) => {
        const search = new URLSearchParams(params).toString();
        const listed = await request<Problem>(`${server.url}${path}?${search}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        expectSafe(listed.status, listed.body, `${path}?${search}`);
        const one = await request<Problem>(`${server.url}/api/treaties/${encodeURIComponent(id)}`);
        expectSafe(one.status, one.body, `treaty ${id}`);
      }),
      { numRuns: 700 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('survives any handshake and any socket payload, and no socket can write', async () => {
    const before = await seq();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom('resync', 'change', 'snapshot', 'post', 'update.posted'), fc.jsonValue(), async (auth, event, payload) => {
        const socket = io(server.url, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          auth: (typeof auth === 'object' && auth !== null && !Array.isArray(auth) ? auth : { lastSeq: auth }) as Record<string, unknown>,
        });
        await new Promise<void>((resolve) => {
          socket.once('connect', () => {
            (socket as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
            setTimeout(resolve, 5);
          });
          socket.once('connect_error', () => resolve());
        });
        socket.disconnect();
      }),
      { numRuns: 200 },
    );
    expect((await request(`${server.url}/healthz`)).status).toBe(200);
    expect(await seq()).toBe(before);
  });
});
