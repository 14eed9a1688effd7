import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateTokenResponse, Problem } from '@treaty-watch/shared';
import { bearer, conformanceChecker, operationsOf, type Conforms, type Document, type Operation } from '../support/openapi-conformance';
import { useServer } from '../support/use-server';

const board = useServer();
/** A server as first started, to compare the log with. */
const fresh = useServer();
let document: Document;
let conforms: Conforms;
let editorToken = '';

beforeAll(async () => {
  document = (await board.api.get<Document>('/api/openapi.json')).body;
  conforms = conformanceChecker(board.server.url, document);
  editorToken = (await board.api.post<CreateTokenResponse>('/api/tokens', { role: 'editor', name: 'openapi-errors' })).body.token;
});

/** A body each write would accept, so what is refused is the one thing a case changes. */
const VALID_BODY: Record<string, unknown> = {
  'POST /api/treaties/{id}/updates': { headline: 'Never stored' },
  'POST /api/treaties': { id: 'never-stored', name: 'Never', shortName: 'N', category: 'test_ban' },
  'PATCH /api/treaties/{id}': { summary: 'Never stored' },
  'PATCH /api/updates/{id}': { headline: 'Never stored' },
  'POST /api/updates/{id}/retract': { reason: 'Never stored' },
  'POST /api/tokens': { role: 'editor', name: 'never-stored' },
  'POST /api/webhooks': { url: 'http://127.0.0.1:9/never' },
  'PATCH /api/webhooks/{id}': { enabled: false },
};

const operations = () => operationsOf(document);
const fill = (template: string, value: string) => template.replace(/\{\w+\}/g, value);
const needsToken = (operation: Operation) => 'security' in operation;

function init(method: string, template: string, headers: Record<string, string> = {}, body?: string): RequestInit {
  const valid = VALID_BODY[`${method} ${template}`];
  const sent = body ?? (valid === undefined ? undefined : JSON.stringify(valid));
  return {
    method,
    headers: { ...bearer(), 'if-match': '"1"', ...(sent === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(sent === undefined ? {} : { body: sent }),
  };
}

/** Each class of refusal, sent to every operation of the document, must come back as the document says. */
describe('every route refuses as its document says', () => {
  it('a malformed percent-escape in any path parameter: 400 naming the path', async () => {
    for (const { method, template } of operations().filter((o) => o.template.includes('{'))) {
      for (const escape of ['%ZZ', '%', '%C0%AF', '%E0%80%AF', '%ED%A0%80']) {
        const answer = await conforms<Problem>(method, template, fill(template, escape), init(method, template));
        expect([answer.status, answer.body.type], `${method} ${template} ${escape}`).toEqual([400, '/problems/invalid-path']);
      }
    }
  });

  it("ids that name Object.prototype's own properties: not found, never a 200 or a 500", async () => {
    for (const { method, template } of operations().filter((o) => o.template.includes('{'))) {
      for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
        const answer = await conforms<Problem>(method, template, fill(template, id), init(method, template));
        expect(answer.status, `${method} ${template} with ${id}`).toBe(404);
      }
    }
  });

  it('a body that is not JSON, too large, in an unknown encoding or charset, or falsely gzipped: 400, 413 or 415', async () => {
    // fetch sends no body with a GET; the property test sends those over raw HTTP.
    for (const { method, template } of operations().filter((o) => o.template.startsWith('/api/') && o.method !== 'GET')) {
      const path = fill(template, 'x');
      const cases: [Record<string, string>, string, number][] = [
        [{ 'content-type': 'application/json' }, '{"headline":', 400],
        [{ 'content-type': 'application/json' }, JSON.stringify({ headline: 'x'.repeat(70_000) }), 413],
        [{ 'content-type': 'application/json', 'content-encoding': 'zz' }, '{}', 415],
        [{ 'content-type': 'application/json; charset=koi9' }, '{}', 415],
        [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'not gzip', 400],
        [{ 'content-type': 'application/json', 'content-encoding': 'deflate' }, 'not deflate', 400],
        [{ 'content-type': 'application/json', 'content-encoding': 'br' }, 'not brotli', 400],
      ];
      if (method !== 'DELETE') cases.push([{ 'content-type': 'text/plain' }, 'hello', 415]);
      for (const [headers, body, status] of cases) {
        const answer = await conforms(method, template, path, init(method, template, headers, body));
        expect(answer.status, `${method} ${template} ${JSON.stringify(headers)}`).toBe(status);
      }
    }
    expect((await board.api.get('/api/treaties')).status).toBe(200);
  });

  it('no token, a wrong one, or one whose role is too low: 401 or 403', async () => {
    for (const { method, template, operation } of operations().filter((o) => needsToken(o.operation))) {
      const path = fill(template, 'x');
      const none = await conforms(method, template, path, init(method, template, { authorization: '' }));
      expect(none.status, `${method} ${template} without a token`).toBe(401);
      const wrong = await conforms(method, template, path, init(method, template, { authorization: 'Bearer tw_nope' }));
      expect(wrong.status, `${method} ${template} with an unknown token`).toBe(401);
      if (String((operation as { description?: string }).description).includes('admin')) {
        const low = await conforms(method, template, path, init(method, template, { authorization: `Bearer ${editorToken}` }));
        expect(low.status, `${method} ${template} as an editor`).toBe(403);
      }
    }
  });

  it('an Idempotency-Key that is not 1–255 visible characters: 400 on every write', async () => {
    for (const { method, template } of operations().filter((o) => o.method !== 'GET')) {
      const path =
        template === '/api/treaties/{id}/updates' || template === '/api/treaties/{id}' ? fill(template, 'npt') : fill(template, 'x');
      const answer = await conforms<Problem>(method, template, path, init(method, template, { 'idempotency-key': 'a b' }));
      expect(answer.status, `${method} ${template}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${method} ${template}`).toBeLessThan(500);
    }
    const spaced = await conforms<Problem>(
      'POST',
      '/api/treaties/{id}/updates',
      '/api/treaties/npt/updates',
      init('POST', '/api/treaties/{id}/updates', { 'idempotency-key': 'a b' }),
    );
    expect(spaced.body.errors?.[0]?.field).toBe('Idempotency-Key');
  });

  it('stored nothing for any of it', async () => {
    expect(await board.server.app.store.currentSeq()).toBe(await fresh.server.app.store.currentSeq());
  });
});
