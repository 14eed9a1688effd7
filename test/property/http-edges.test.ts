import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../server/src/http/openapi/document';
import { API_ROUTES } from '../../server/src/http/openapi/routes';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { useServer } from '../support/use-server';
import { rawRequest } from '../support/raw-http';

const board = useServer();

type Responses = Record<string, Record<string, { responses: Record<string, unknown> }>>;
const documented = openApiDocument().paths as Responses;

/** Every route of the document, and the pages the server serves beside it. */
const ROUTES: { method: string; template: string; documented: boolean }[] = [
  ...API_ROUTES.map((r) => ({ method: r.method.toUpperCase(), template: r.path, documented: true })),
  ...['/embed/board', '/embed/treaty/{id}', '/assets/{file}', '/treaty/{id}', '/screen', '/{page}'].map((template) => ({
    method: 'GET',
    template,
    documented: false,
  })),
];

/** One path segment an attacker might send: malformed or overlong escapes, traversal, NULs, prototype names, random bytes. */
const segment = fc.oneof(
  fc.constantFrom(
    '%ZZ',
    '%',
    '%%',
    '%C0%AF',
    '%E0%80%AF',
    '%ED%A0%80',
    '%FF',
    '..',
    '%2e%2e',
    '..%2f..%2fpackage.json',
    '%2e%2e%5c',
    '%00',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'inf',
    'new-start',
  ),
  fc
    .uint8Array({ maxLength: 24 })
    .map((bytes) =>
      [...bytes]
        .map((b) =>
          b > 0x20 && b < 0x7f && !'/?#%'.includes(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
        )
        .join(''),
    ),
  fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\w.~-]/g, (c) => (Math.random() < 0.5 ? '%' : encodeURIComponent(c)))),
);
const query = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 40 }).map((s) => `?${s.replace(/[\s#]/g, '%')}`),
  fc.constantFrom('?asOf=0000-01-01', '?asOf=%ZZ', '?after=-1&limit=1e9', '?after=%', '?limit[]=1', '?__proto__[x]=1', '?state=%00'),
);
const headers = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
    ),
    'content-encoding': fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, gzip', ''),
    authorization: fc.constantFrom(`Bearer ${ADMIN_TOKEN}`, 'Bearer tw_nope', 'Basic abc', 'Bearer', ''),
    'idempotency-key': fc.string({ maxLength: 20 }),
    'if-match': fc.constantFrom('"1"', 'W/"2"', '*', '"x"', ''),
    'if-none-match': fc.constantFrom('*', '"x"', 'W/"1"'),
    range: fc.constantFrom('bytes=0-10', 'bytes=999999-', 'bytes=x', 'items=1-2'),
    accept: fc.constantFrom('*/*', 'text/html', 'application/json', 'nonsense'),
  },
  { requiredKeys: [] },
);
const body = fc.option(
  fc.oneof(
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.constantFrom('{', '{"headline":"x"', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff]), 'x'.repeat(70_000)),
  ),
);
const method = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'PUT', 'DELETE', 'POST', 'PATCH') },
);

describe('hostile requests to every route', () => {
  it('never get a 5xx, and a documented route answers only what its document lists', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        segment,
        query,
        headers,
        body,
        method,
        async (route, value, search, sent, payload, otherMethod) => {
          const verb = otherMethod ?? route.method;
          const target = `${route.template.replace(/\{\w+\}/g, value)}${search}`;
          const answer = await rawRequest(
            board.server.url,
            verb,
            target,
            Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== '')),
            payload ?? undefined,
          );
          // Node itself refused to send it (a control character in a header): nothing reached the server.
          if (!answer) return;
          const what = `${verb} ${target} ${JSON.stringify(sent)} → ${answer.status} ${answer.body.slice(0, 200)}`;
          expect(answer.status, what).toBeLessThan(500);
          if (answer.status >= 400 && answer.contentType) {
            expect(answer.contentType, what).toMatch(/^(application\/problem\+json|text\/html)/);
          }
          // An empty parameter matches no route of the document: the client's pages answer it.
          if (route.documented && verb === route.method && value !== '') {
            const listed = Object.keys(documented[route.template]?.[verb.toLowerCase()]?.responses ?? {});
            // Node's own parser answers a request it cannot frame with a bare 400 before any route sees it.
            if (answer.contentType) expect(listed, what).toContain(String(answer.status));
          }
        },
      ),
      { numRuns: 400 },
    );
    expect((await rawRequest(board.server.url, 'GET', '/healthz'))?.status).toBe(200);
  });
});
