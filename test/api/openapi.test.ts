import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Router } from 'express';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostUpdateResponse } from '@treaty-watch/shared';
import { request } from '../support/api-client';
import { ADMIN_TOKEN, startServer, type TestServer } from '../support/in-process-server';
import { repoRoot } from '../support/paths';

type Operation = { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

/** Served but not part of the JSON API: the document itself, its page, feeds and metrics (in the README). */
const UNDOCUMENTED = ['GET /api/openapi.json', 'GET /api/docs', 'GET /feeds/updates.atom', 'GET /feeds/updates.json', 'GET /feeds/treaties/{id}.atom', 'GET /feeds/deadlines.ics', 'GET /metrics'];
/** Route files whose routers app.ts mounts at the root; every other one it mounts under /api. */
const ROOT_MOUNTED = new Set(['health.ts', 'metrics.ts', 'feeds.ts']);

/** Every route of every router in server/src/http/routes, read off the routers themselves. */
async function servedRoutes(): Promise<string[]> {
  // Stands in for any dependency: the routers are built, never called.
  const anything: unknown = new Proxy(() => undefined, { get: () => anything, apply: () => anything });
  const dir = path.join(repoRoot, 'server/src/http/routes');
  const routes: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const module = (await import(path.join(dir, file))) as Record<string, (deps: unknown, more?: unknown) => Router>;
    for (const factory of Object.values(module)) {
      const prefix = ROOT_MOUNTED.has(file) ? '' : '/api';
      for (const layer of factory(anything, anything).stack) {
        if (!layer.route) continue;
        const template = String(layer.route.path).replace(/:(\w+)/g, '{$1}');
        for (const method of Object.keys((layer.route as unknown as { methods: Record<string, boolean> }).methods)) routes.push(`${method.toUpperCase()} ${prefix}${template}`);
      }
    }
  }
  return routes;
}

let server: TestServer;
let document: Document;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

beforeAll(async () => {
  server = await startServer();
  document = (await request<Document>(`${server.url}/api/openapi.json`)).body;
  ajv.addSchema(document, 'openapi.json');
});
afterAll(() => server.close());

/** Calls the server and checks the answer against what the document says that route answers. */
async function conforms(method: string, template: string, path: string, init: RequestInit = {}) {
  const response = await request(`${server.url}${path}`, { method, ...init });
  const declared = document.paths[template]?.[method.toLowerCase()]?.responses[String(response.status)];
  expect(declared, `${method} ${template} answered ${response.status}, which the document does not list`).toBeDefined();
  const media = response.contentType.split(';')[0] ?? '';
  const schema = declared?.content?.[media]?.schema;
  expect(schema, `${method} ${template} ${response.status} ${media} is not in the document`).toBeDefined();
  const validate = ajv.getSchema(`openapi.json${schema?.$ref ?? ''}`);
  const valid = validate?.(response.body);
  expect(valid, JSON.stringify(validate?.errors?.slice(0, 3))).toBe(true);
  return response;
}

const json = (body: unknown, token = ADMIN_TOKEN): RequestInit => ({
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify(body),
});

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('matches what every route really answers', async () => {
    await conforms('GET', '/api/treaties', '/api/treaties');
    await conforms('GET', '/api/treaties/{id}', '/api/treaties/inf');
    await conforms('GET', '/api/treaties/{id}', '/api/treaties/nope');
    await conforms('GET', '/api/treaties/{id}/data-exchanges', '/api/treaties/new-start/data-exchanges');
    await conforms('GET', '/api/treaties/{id}/data-exchanges', '/api/treaties/inf/data-exchanges');
    await conforms('GET', '/api/treaties/{id}/parties', '/api/treaties/ctbt/parties');
    await conforms('GET', '/api/treaties/{id}/parties', '/api/treaties/cfe/parties?asOf=2024-01-01');
    await conforms('GET', '/api/treaties/{id}/parties', '/api/treaties/ctbt/parties?asOf=junk');
    await conforms('GET', '/api/treaties/{id}/parties', '/api/treaties/nope/parties');
    await conforms('GET', '/api/parties/{code}', '/api/parties/us');
    await conforms('GET', '/api/parties/{code}', '/api/parties/XX');
    await conforms('POST', '/api/treaties/{id}/updates', '/api/treaties/ctbt/updates', json({ headline: 'x', party: { code: 'US', action: 'withdrew' } }));
    await conforms('GET', '/api/updates', '/api/updates?after=3&limit=2');
    await conforms('GET', '/api/updates', '/api/updates?limit=0');
    await conforms('GET', '/api/snapshot', '/api/snapshot');
    await conforms('GET', '/api/snapshot', '/api/snapshot?asOf=2020-10-26');
    await conforms('GET', '/healthz', '/healthz');
    await conforms('GET', '/readyz', '/readyz');
    const posted = await conforms('POST', '/api/treaties/{id}/updates', '/api/treaties/npt/updates', json({ headline: 'OpenAPI check' }));
    const id = (posted.body as PostUpdateResponse).update.id;
    await conforms('POST', '/api/treaties/{id}/updates', '/api/treaties/npt/updates', json({ headline: '' }));
    await conforms('POST', '/api/treaties/{id}/updates', '/api/treaties/npt/updates', json({ headline: 'x' }, 'tw_wrong'));
    await conforms('POST', '/api/treaties/{id}/updates', '/api/treaties/inf/updates', json({ headline: 'x', status: 'in_force' }));
    await conforms('PATCH', '/api/updates/{id}', `/api/updates/${id}`, json({ headline: 'OpenAPI check, corrected' }));
    await conforms('POST', '/api/updates/{id}/retract', `/api/updates/${id}/retract`, json({ reason: 'Test' }));
    await conforms('POST', '/api/treaties', '/api/treaties', json({ id: 'openapi-treaty', name: 'OpenAPI', shortName: 'OA', category: 'test_ban' }));
    await conforms('PATCH', '/api/treaties/{id}', '/api/treaties/openapi-treaty', { ...json({ summary: 'x' }), headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}`, 'if-match': '"1"' } });
    await conforms('PATCH', '/api/treaties/{id}', '/api/treaties/openapi-treaty', json({ summary: 'y' }));
    const token = await conforms('POST', '/api/tokens', '/api/tokens', json({ role: 'editor', name: 'openapi' }));
    await conforms('GET', '/api/tokens', '/api/tokens', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    await conforms('POST', '/api/tokens/{id}/revoke', `/api/tokens/${(token.body as { info: { id: string } }).info.id}/revoke`, json({}));
    const embargo = await conforms('POST', '/api/treaties/{id}/updates', '/api/treaties/npt/updates', json({ headline: 'OpenAPI embargo', publishAt: new Date(Date.now() + 3_600_000).toISOString() }));
    const scheduledId = (embargo.body as { scheduled: { id: string } }).scheduled.id;
    const editor = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
    await conforms('GET', '/api/scheduled', '/api/scheduled?state=scheduled', editor);
    await conforms('GET', '/api/scheduled', '/api/scheduled?state=late', editor);
    await conforms('GET', '/api/scheduled/{id}', `/api/scheduled/${scheduledId}`, editor);
    await conforms('GET', '/api/scheduled/{id}', '/api/scheduled/nope', editor);
    await conforms('POST', '/api/scheduled/{id}/cancel', `/api/scheduled/${scheduledId}/cancel`, json({}));
    await conforms('POST', '/api/scheduled/{id}/cancel', `/api/scheduled/${scheduledId}/cancel`, json({}));
    const hook = await conforms('POST', '/api/webhooks', '/api/webhooks', json({ url: 'http://127.0.0.1:9/hook', kinds: ['update.posted'] }));
    const hookId = (hook.body as { endpoint: { id: string } }).endpoint.id;
    await conforms('POST', '/api/webhooks', '/api/webhooks', json({ url: 'gopher://x' }));
    await conforms('GET', '/api/webhooks', '/api/webhooks', editor);
    await conforms('GET', '/api/webhooks/{id}', `/api/webhooks/${hookId}`, editor);
    await conforms('GET', '/api/webhooks/{id}', '/api/webhooks/nope', editor);
    await conforms('PATCH', '/api/webhooks/{id}', `/api/webhooks/${hookId}`, { ...json({ enabled: false }), method: 'PATCH' });
    await conforms('GET', '/api/webhooks/{id}/deliveries', `/api/webhooks/${hookId}/deliveries?limit=5`, editor);
    await conforms('GET', '/api/webhooks/{id}/deliveries', `/api/webhooks/${hookId}/deliveries?state=lost`, editor);
    await conforms('DELETE', '/api/webhooks/{id}', `/api/webhooks/${hookId}`, editor);
    await conforms('DELETE', '/api/webhooks/{id}', `/api/webhooks/${hookId}`, editor);
    await conforms('GET', '/api/audit', '/api/audit?limit=5', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  });

  it('serves a readable docs page from the app itself', async () => {
    const page = await fetch(`${server.url}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/api/docs/docs.js">');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    expect((await fetch(`${server.url}/api/docs/docs.js`)).status).toBe(200);
  });

  it('lists every route the server answers, and no other', async () => {
    const served = await servedRoutes();
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const api = served.filter((r) => / \/api\//.test(r) || / \/(healthz|readyz)$/.test(r)).filter((r) => !UNDOCUMENTED.includes(r));
    expect(documented.sort()).toEqual(api.sort());
    expect(served).toEqual(expect.arrayContaining(UNDOCUMENTED));
  });

  it('catches an answer that does not match', () => {
    const validate = ajv.getSchema('openapi.json#/components/schemas/Snapshot');
    expect(validate?.({ seq: -1, treaties: 'none' })).toBe(false);
  });
});
