import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Router } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateTokenResponse, PostUpdateResponse } from '@treaty-watch/shared';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { bearer, conformanceChecker, json, operationsOf, type Conforms, type Document } from '../support/openapi-conformance';
import { repoRoot } from '../support/paths';
import { linkTo, tokenIn } from '../support/smtp-inbox';
import { useMailServer } from '../support/use-mail-server';

/** Route files whose routers app.ts mounts at the root; every other one it mounts under /api. */
const ROOT_MOUNTED = new Set(['health.ts', 'metrics.ts', 'feeds.ts', 'embeds.ts']);

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
        const template = layer.route.path.replace(/:(\w+)/g, '{$1}');
        for (const method of Object.keys((layer.route as unknown as { methods: Record<string, boolean> }).methods))
          routes.push(`${method.toUpperCase()} ${prefix}${template}`);
      }
    }
  }
  return routes;
}

// A mail server too, so every subscription route can be driven to its success.
const board = useMailServer({ perAddressPerHour: 100 });
const inbox = board.inbox;
let document: Document;
let conforms: Conforms;

beforeAll(async () => {
  document = (await board.api.get<Document>('/api/openapi.json')).body;
  conforms = conformanceChecker(board.server.url, document);
});

/** A reader's subscription driven through every route of its own, from the link each email carries. */
async function driveSubscriptions() {
  const email = 'openapi@example.org';
  const anyone = (body: unknown): RequestInit => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await conforms('GET', '/api/alerts', '/api/alerts');
  await conforms('POST', '/api/subscriptions', '/api/subscriptions', anyone({ email }));
  await conforms('POST', '/api/subscriptions', '/api/subscriptions', anyone({ email: 'not an address' }));
  await board.server.app.mail.check();
  await inbox.until(() => inbox.to(email).length === 1);
  const [mail] = inbox.to(email);
  if (!mail) throw new Error('no confirmation');
  await conforms(
    'POST',
    '/api/subscriptions/confirm',
    '/api/subscriptions/confirm',
    anyone({ token: tokenIn(linkTo(mail, '/subscribe/confirm')) }),
  );
  await conforms('POST', '/api/subscriptions/confirm', '/api/subscriptions/confirm', anyone({ token: 'x'.repeat(43) }));
  const token = tokenIn(linkTo(mail, '/subscription'));
  await conforms('POST', '/api/subscriptions/manage', '/api/subscriptions/manage', anyone({ token }));
  await conforms('PATCH', '/api/subscriptions/manage', '/api/subscriptions/manage', anyone({ token, cadence: 'daily', hour: 6 }));
  await conforms('PATCH', '/api/subscriptions/manage', '/api/subscriptions/manage', anyone({ token }));
  await conforms('GET', '/api/subscriptions/counts', '/api/subscriptions/counts', { headers: bearer() });
  await conforms('POST', '/api/subscriptions/lookup', '/api/subscriptions/lookup', json({ email }));
  await conforms('POST', '/api/subscriptions/lookup', '/api/subscriptions/lookup', json({ email: 'nobody@example.org' }));
  const oneClick = { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' };
  await conforms('POST', '/api/subscriptions/unsubscribe', `/api/subscriptions/unsubscribe?token=${token}`, {
    method: 'POST',
    ...oneClick,
  });
  await conforms('POST', '/api/subscriptions/unsubscribe', `/api/subscriptions/unsubscribe?token=${token}`, {
    method: 'POST',
    ...oneClick,
  });
  await conforms('POST', '/api/subscriptions/unsubscribe', '/api/subscriptions/unsubscribe?token=short', { method: 'POST', ...oneClick });
}

/**
 * A write sent with an Idempotency-Key, then again (the first answer, marked replayed), then the
 * same key with another body: 422. What every write that honours the key must do.
 */
async function idempotently<T>(
  method: string,
  template: string,
  path: string,
  init: RequestInit,
  otherBody: unknown = { other: 'request' },
): Promise<T> {
  const key = `openapi-${Math.random()}`;
  const headers = { ...(init.headers as Record<string, string>), 'idempotency-key': key };
  const first = await conforms<T>(method, template, path, { ...init, headers });
  expect(first.status).toBeLessThan(300);
  const again = await conforms<T>(method, template, path, { ...init, headers });
  expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([first.status, 'true']);
  const other = await conforms(method, template, path, {
    ...init,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(otherBody),
  });
  expect(other.status).toBe(422);
  return first.body;
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('matches what every route really answers, successes and refusals alike', async () => {
    const admin = { headers: bearer() };
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
    await conforms(
      'POST',
      '/api/treaties/{id}/updates',
      '/api/treaties/ctbt/updates',
      json({ headline: 'x', party: { code: 'US', action: 'withdrew' } }),
    );
    await conforms('GET', '/api/updates', '/api/updates?after=3&limit=2');
    await conforms('GET', '/api/updates', '/api/updates?limit=0');
    await conforms('GET', '/api/snapshot', '/api/snapshot');
    await conforms('GET', '/api/snapshot', '/api/snapshot?asOf=2020-10-26');
    await conforms('GET', '/api/snapshot', '/api/snapshot?asOf=0000-01-01');
    await conforms('GET', '/api/stream', '/api/stream?treaties=inf&lastEventId=1');
    await conforms('GET', '/api/stream', '/api/stream?treaties=NOPE');
    await conforms('GET', '/api/search', '/api/search?q=Kaliningrad&limit=1');
    await conforms('GET', '/api/search', '/api/search?q=treaty&limit=2', admin);
    await conforms('GET', '/api/search', '/api/search?q=x&before=nonsense');
    await conforms('GET', '/api/search', '/api/search?q=x', { headers: { authorization: 'Bearer wrong' } });
    await conforms('GET', '/healthz', '/healthz');
    await conforms('GET', '/readyz', '/readyz');
    await conforms('GET', '/metrics', '/metrics');
    await conforms('GET', '/api/openapi.json', '/api/openapi.json');
    await conforms('GET', '/api/docs', '/api/docs');
    const posted = await idempotently<PostUpdateResponse>(
      'POST',
      '/api/treaties/{id}/updates',
      '/api/treaties/npt/updates',
      json({ headline: 'OpenAPI check' }),
      { headline: 'Another' },
    );
    const id = posted.update.id;
    await conforms('POST', '/api/treaties/{id}/updates', '/api/treaties/npt/updates', json({ headline: '' }));
    await conforms('POST', '/api/treaties/{id}/updates', '/api/treaties/npt/updates', json({ headline: 'x' }, 'tw_wrong'));
    await conforms('POST', '/api/treaties/{id}/updates', '/api/treaties/inf/updates', json({ headline: 'x', status: 'in_force' }));
    await idempotently('PATCH', '/api/updates/{id}', `/api/updates/${id}`, json({ headline: 'OpenAPI check, corrected' }), {
      headline: 'Corrected again',
    });
    await idempotently('POST', '/api/updates/{id}/retract', `/api/updates/${id}/retract`, json({ reason: 'Test' }), { reason: 'Other' });
    await idempotently(
      'POST',
      '/api/treaties',
      '/api/treaties',
      json({ id: 'openapi-treaty', name: 'OpenAPI', shortName: 'OA', category: 'test_ban' }),
      { id: 'openapi-other', name: 'O', shortName: 'O', category: 'test_ban' },
    );
    await conforms('PATCH', '/api/treaties/{id}', '/api/treaties/openapi-treaty', json({ summary: 'y' }));
    await idempotently(
      'PATCH',
      '/api/treaties/{id}',
      '/api/treaties/openapi-treaty',
      json({ summary: 'x' }, ADMIN_TOKEN, { 'if-match': '"1"' }),
      { summary: 'z' },
    );
    const token = await idempotently<CreateTokenResponse>('POST', '/api/tokens', '/api/tokens', json({ role: 'editor', name: 'openapi' }), {
      role: 'editor',
      name: 'openapi-2',
    });
    await conforms('GET', '/api/tokens', '/api/tokens', admin);
    await conforms('GET', '/api/tokens', '/api/tokens', { headers: bearer(token.token) });
    await idempotently('POST', '/api/tokens/{id}/revoke', `/api/tokens/${token.info.id}/revoke`, json({}));
    const embargo = await conforms<{ scheduled: { id: string } }>(
      'POST',
      '/api/treaties/{id}/updates',
      '/api/treaties/npt/updates',
      json({ headline: 'OpenAPI embargo', publishAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    const scheduledId = embargo.body.scheduled.id;
    await conforms('GET', '/api/scheduled', '/api/scheduled?state=scheduled', admin);
    await conforms('GET', '/api/scheduled', '/api/scheduled?state=late', admin);
    await conforms('GET', '/api/scheduled/{id}', `/api/scheduled/${scheduledId}`, admin);
    await conforms('GET', '/api/scheduled/{id}', '/api/scheduled/nope', admin);
    await conforms('POST', '/api/scheduled/{id}/cancel', `/api/scheduled/${scheduledId}/cancel`, {
      method: 'POST',
      headers: { ...bearer(), 'content-type': 'text/plain' },
      body: 'x',
    });
    await idempotently('POST', '/api/scheduled/{id}/cancel', `/api/scheduled/${scheduledId}/cancel`, json({}));
    await conforms('POST', '/api/scheduled/{id}/cancel', `/api/scheduled/${scheduledId}/cancel`, json({}));
    const hook = await idempotently<{ endpoint: { id: string } }>(
      'POST',
      '/api/webhooks',
      '/api/webhooks',
      json({ url: 'http://127.0.0.1:9/hook', kinds: ['update.posted'] }),
      { url: 'http://127.0.0.1:9/other' },
    );
    const hookId = hook.endpoint.id;
    await conforms('POST', '/api/webhooks', '/api/webhooks', json({ url: 'gopher://x' }));
    await conforms('GET', '/api/webhooks', '/api/webhooks', admin);
    await conforms('GET', '/api/webhooks/{id}', `/api/webhooks/${hookId}`, admin);
    await conforms('GET', '/api/webhooks/{id}', '/api/webhooks/nope', admin);
    await idempotently('PATCH', '/api/webhooks/{id}', `/api/webhooks/${hookId}`, json({ enabled: false }), { enabled: true });
    await idempotently('POST', '/api/webhooks/{id}/test', `/api/webhooks/${hookId}/test`, json({}));
    await conforms('POST', '/api/webhooks/{id}/test', '/api/webhooks/nope/test', json({}));
    await conforms('GET', '/api/webhooks/{id}/deliveries', `/api/webhooks/${hookId}/deliveries?limit=5`, admin);
    await conforms('GET', '/api/webhooks/{id}/deliveries', `/api/webhooks/${hookId}/deliveries?state=lost`, admin);
    await idempotently('DELETE', '/api/webhooks/{id}', `/api/webhooks/${hookId}`, { headers: bearer() });
    await conforms('DELETE', '/api/webhooks/{id}', `/api/webhooks/${hookId}`, admin);
    await conforms('GET', '/api/audit', '/api/audit?limit=5', admin);
    await conforms('GET', '/api/audit', '/api/audit?kind=token.created&treaty=npt&token=env:ADMIN_TOKEN', admin);
    await conforms('GET', '/api/audit', '/api/audit?kind=nope', admin);
    const origin = board.server.url;
    await conforms('GET', '/api/session', '/api/session');
    await conforms('POST', '/api/session', '/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ token: 'tw_wrong' }),
    });
    await conforms('POST', '/api/session', '/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ token: ADMIN_TOKEN }),
    });
    const signedIn = await conforms('POST', '/api/session', '/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ token: ADMIN_TOKEN }),
    });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await conforms('GET', '/api/session', '/api/session', { headers: { cookie } });
    await conforms('DELETE', '/api/session', '/api/session', { method: 'DELETE', headers: { cookie, origin } });
    await driveSubscriptions();
  });

  it('matches what the feeds answer: Atom, JSON Feed and iCalendar, and 304 to a reader who has them', async () => {
    for (const [template, path] of [
      ['/feeds/updates.atom', '/feeds/updates.atom'],
      ['/feeds/updates.json', '/feeds/updates.json'],
      ['/feeds/treaties/{id}.atom', '/feeds/treaties/new-start.atom'],
      ['/feeds/deadlines.ics', '/feeds/deadlines.ics'],
    ] as const) {
      const fresh = await conforms('GET', template, path);
      expect(fresh.status).toBe(200);
      const etag = fresh.headers.get('etag') ?? '';
      expect((await conforms('GET', template, path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    }
    expect((await conforms('GET', '/feeds/treaties/{id}.atom', '/feeds/treaties/nope.atom')).status).toBe(404);
    expect((await conforms('GET', '/feeds/treaties/{id}.atom', '/feeds/treaties/%ZZ.atom')).status).toBe(400);
  });

  it('matches what the badge and oEmbed answer', async () => {
    const fresh = await conforms('GET', '/badge/{id}.svg', '/badge/ctbt.svg');
    expect(fresh.status).toBe(200);
    const etag = fresh.headers.get('etag') ?? '';
    expect((await conforms('GET', '/badge/{id}.svg', '/badge/ctbt.svg', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await conforms('GET', '/badge/{id}.svg', '/badge/nope.svg')).status).toBe(404);
    expect((await conforms('GET', '/badge/{id}.svg', '/badge/%ZZ.svg')).status).toBe(400);
    const embedded = encodeURIComponent(`${board.server.url}/embed/board`);
    expect((await conforms('GET', '/oembed', `/oembed?url=${embedded}`)).status).toBe(200);
    expect(
      (await conforms('GET', '/oembed', `/oembed?url=${encodeURIComponent(`${board.server.url}/treaties/ctbt`)}&maxwidth=200`)).status,
    ).toBe(200);
    expect((await conforms('GET', '/oembed', `/oembed?url=${embedded}&format=xml`)).status).toBe(501);
    expect((await conforms('GET', '/oembed', '/oembed?url=https%3A%2F%2Fevil.example%2F')).status).toBe(404);
    expect((await conforms('GET', '/oembed', '/oembed')).status).toBe(400);
  });

  it('drove every operation of the document to a success', () => {
    const missed = operationsOf(document)
      .map(({ method, template }) => `${method} ${template}`)
      .filter((operation) => ![...conforms.seen].some((answer) => answer.startsWith(`${operation} 2`)));
    expect(missed).toEqual([]);
  });

  it('serves a readable docs page from the app itself', async () => {
    const page = await fetch(`${board.server.url}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/api/docs/docs.js">');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    expect((await fetch(`${board.server.url}/api/docs/docs.js`)).status).toBe(200);
  });

  it('lists every route the server answers, and no other', async () => {
    const served = await servedRoutes();
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(served.sort());
  });

  it('catches an answer that does not match', async () => {
    const strict = conformanceChecker(board.server.url, {
      ...document,
      paths: { '/api/treaties/{id}': { get: { responses: { 200: document.paths['/api/treaties']?.get?.responses[200] ?? {} } } } },
    });
    await expect(strict('GET', '/api/treaties/{id}', '/api/treaties/inf')).rejects.toThrow();
    await expect(strict('GET', '/api/treaties/{id}', '/api/treaties/nope')).rejects.toThrow(/does not list/);
  });
});
