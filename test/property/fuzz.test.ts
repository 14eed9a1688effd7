import fc from 'fast-check';
import { io } from 'socket.io-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUSES, type PostUpdateResponse, type Problem } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { useServer } from '../support/use-server';

const board = useServer();
let updateId = '';
beforeAll(async () => {
  updateId = (await postUpdate<PostUpdateResponse>(board.server.url, 'npt', { headline: 'Fuzz target' })).body.update.id;
});

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
const fields = [
  'headline',
  'body',
  'status',
  'sourceUrl',
  'occurredAt',
  'reason',
  'id',
  'name',
  'shortName',
  'category',
  'role',
  'treaties',
  'summary',
  'expiresAt',
  'effectiveAt',
  'publishAt',
  'secret',
  'kinds',
  'enabled',
  '__proto__',
  'constructor',
];
const body = fc.oneof(fc.dictionary(fc.constantFrom(...fields), nasty, { maxKeys: 6 }), fc.jsonValue(), fc.string({ maxLength: 200 }));
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
const headerValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    'application/json',
    'text/plain',
    'application/json; charset=utf-16',
    'W/"1"',
    '"999"',
    'Bearer',
    `Bearer ${ADMIN_TOKEN}`,
  ),
);

/** What a write could leave behind: the log, tokens, the audit trail, embargoes and webhooks. */
async function stored(): Promise<string> {
  const { store } = board.server.app;
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
  it(
    'never makes a write route fail, crash or store a rejected request',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          routes,
          body,
          fc.option(headerValue),
          fc.option(headerValue),
          fc.option(headerValue),
          async ([method, path], payload, contentType, idempotencyKey, ifMatch) => {
            const before = await stored();
            const headers: Record<string, string> = {
              authorization: `Bearer ${ADMIN_TOKEN}`,
              'content-type': contentType ?? 'application/json',
            };
            if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
            if (ifMatch !== null) headers['if-match'] = ifMatch;
            let response;
            try {
              response = await request<Problem>(`${board.server.url}${path.replace('{update}', updateId)}`, {
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
          },
        ),
        { numRuns: 1500 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'never makes a read route fail on any query or id',
    async () => {
      const query = fc.dictionary(
        fc.constantFrom('after', 'limit', 'asOf', 'before', 'state', 'x'),
        fc.oneof(fc.string({ maxLength: 40 }), fc.integer().map(String)),
        { maxKeys: 3 },
      );
      const readPaths = fc.constantFrom('/api/updates', '/api/snapshot', '/api/treaties', '/api/audit', '/api/scheduled');
      await fc.assert(
        fc.asyncProperty(readPaths, query, fc.string({ maxLength: 80 }), async (path, params, id) => {
          const search = new URLSearchParams(params).toString();
          const listed = await request<Problem>(`${board.server.url}${path}?${search}`, {
            headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
          });
          expectSafe(listed.status, listed.body, `${path}?${search}`);
          const one = await request<Problem>(`${board.server.url}/api/treaties/${encodeURIComponent(id)}`);
          expectSafe(one.status, one.body, `treaty ${id}`);
        }),
        { numRuns: 700 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'survives any handshake and any socket payload, and no socket can write',
    async () => {
      // What a write over the socket would carry if one were ever wired up: valid, and signed as an admin.
      const writes = [
        { treatyId: 'npt', headline: 'Written over a socket', status: 'withdrawn' },
        { updateId, headline: 'Corrected over a socket' },
        { updateId, reason: 'Retracted over a socket' },
        { role: 'admin', name: 'socket-made token' },
        { id: 'socket-treaty', name: 'Socket', shortName: 'S', category: 'strategic_arms', status: 'in_force' },
      ];
      const admin = { token: ADMIN_TOKEN, client: 'editor' };
      const eventNames = [
        'resync',
        'change',
        'snapshot',
        'post',
        'update.posted',
        'update.post',
        'update',
        'updates:create',
        'retract',
        'correct',
        'treaty.create',
        'token.create',
        'write',
      ];
      const before = await stored();
      const lastSeq = await board.server.app.store.currentSeq();

      /** Emits one event and waits until the server has handled it, then checks nothing was stored. */
      async function emitOn(auth: unknown, event: string, payload: unknown, withAck: boolean): Promise<void> {
        const socket = io(board.server.url, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          auth: (typeof auth === 'object' && auth !== null && !Array.isArray(auth) ? auth : { lastSeq: auth }) as Record<string, unknown>,
        });
        const raw = socket as unknown as { emit(e: string, ...args: unknown[]): void };
        await new Promise<void>((resolve) => {
          socket.once('connect_error', () => resolve());
          socket.once('disconnect', () => resolve());
          socket.once('connect', () => {
            raw.emit(event, payload, ...(withAck ? [() => undefined] : []));
            // The server reads a socket's packets in order: once this is answered, the one before it was handled.
            raw.emit('resync', { lastSeq }, () => resolve());
          });
        });
        socket.disconnect();
        expect(await stored(), `${event} ${JSON.stringify(payload)}`).toBe(before);
      }

      // Every write-shaped event, as an admin: a handler that wrote would be caught here, not by luck.
      for (const event of eventNames) for (const payload of writes) await emitOn(admin, event, payload, false);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.jsonValue(), fc.constant(admin), fc.constant({ authorization: `Bearer ${ADMIN_TOKEN}` })),
          fc.constantFrom(...eventNames),
          fc.oneof(fc.jsonValue(), fc.constantFrom(...writes)),
          fc.boolean(),
          emitOn,
        ),
        { numRuns: 150 },
      );
      expect((await request(`${board.server.url}/healthz`)).status).toBe(200);
      expect(await stored()).toBe(before);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
