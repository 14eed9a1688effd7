import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  CreateWebhookResponse,
  DeliveriesResponse,
  PostUpdateResponse,
  Problem,
  WebhookResponse,
  WebhooksResponse,
} from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { ADMIN_TOKEN, startServer } from '../support/in-process-server';
import { useServer } from '../support/use-server';
import { WebhookReceiver } from '../support/webhook-receiver';

const board = useServer();
const admin = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const receivers: WebhookReceiver[] = [];
const endpoints: string[] = [];

async function api<T>(method: string, path: string, body?: unknown, base = board.server.url) {
  return request<T>(`${base}${path}`, { method, headers: admin, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

/** A started receiver and an endpoint registered for it; removed after the test. */
async function subscribe(options: Record<string, unknown> = {}, base = board.server.url) {
  const secret = newSecret();
  const receiver = new WebhookReceiver(secret);
  await receiver.start();
  receivers.push(receiver);
  const created = await api<CreateWebhookResponse>('POST', '/api/webhooks', { url: receiver.url, secret, ...options }, base);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (base === board.server.url) endpoints.push(created.body.endpoint.id);
  return { receiver, endpoint: created.body.endpoint };
}

/** Nothing was acknowledged twice: a change that got a 2xx is never sent again. */
function expectOnceEach(receiver: WebhookReceiver): void {
  const ids = receiver.delivered.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
}

const headlinesOf = (receiver: WebhookReceiver) => receiver.delivered.map((r) => r.payload.data.update?.headline);

afterEach(async () => {
  for (const id of endpoints.splice(0)) await api('DELETE', `/api/webhooks/${id}`);
  for (const receiver of receivers.splice(0)) await receiver.stop();
});

describe('webhook endpoints', () => {
  it('are registered by an admin, with a secret shown once and never listed', async () => {
    const created = await api<CreateWebhookResponse>('POST', '/api/webhooks', { url: 'http://127.0.0.1:9/hook', description: 'Wire desk' });
    expect(created.status).toBe(201);
    endpoints.push(created.body.endpoint.id);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.body.endpoint).toMatchObject({ url: 'http://127.0.0.1:9/hook', description: 'Wire desk', enabled: true });
    const listed = await api<WebhooksResponse>('GET', '/api/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(listed.body.endpoints.map((e) => e.id)).toContain(created.body.endpoint.id);

    const token = await api<{ token: string }>('POST', '/api/tokens', { role: 'editor', name: 'not an admin' });
    const asEditor = await request(`${board.server.url}/api/webhooks`, { headers: { authorization: `Bearer ${token.body.token}` } });
    expect(asEditor.status).toBe(403);
  });

  it.each([
    ['a URL that is not http', { url: 'ftp://example.org/hook' }, 'url'],
    ['a secret not in the whsec_ form', { url: 'https://example.org/hook', secret: 'hunter2' }, 'secret'],
    ['an unknown kind of change', { url: 'https://example.org/hook', kinds: ['update.deleted'] }, 'kinds.0'],
  ])('refuses %s, naming the field', async (_what, body, field) => {
    const before = (await api<WebhooksResponse>('GET', '/api/webhooks')).body.endpoints.length;
    const response = await api<Problem>('POST', '/api/webhooks', body);
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toContain(field);
    expect((await api<WebhooksResponse>('GET', '/api/webhooks')).body.endpoints.length).toBe(before);
  });
});

describe('webhook delivery', () => {
  it('sends every change, signed, in seq order, exactly as the dashboards get it', async () => {
    const { receiver, endpoint } = await subscribe();
    const dashboard = board.connect();
    await dashboard.until(() => dashboard.snapshots.length === 1);
    for (const headline of ['First', 'Second', 'Third']) await postUpdate(board.server.url, 'new-start', { headline });
    await receiver.until(() => receiver.delivered.length === 3, 5000, 'three deliveries');
    await dashboard.until(() => dashboard.changes.length === 3);

    expect(receiver.rejected).toEqual([]);
    expect(headlinesOf(receiver)).toEqual(['First', 'Second', 'Third']);
    expect(receiver.delivered.map((r) => r.payload.data)).toEqual(dashboard.changes);
    expect(receiver.delivered.every((r) => r.payload.type === 'update.posted')).toBe(true);
    expectOnceEach(receiver);

    // The receiver has it before the server has its answer: the log follows a moment later.
    await expect.poll(async () => (await api<DeliveriesResponse>('GET', `/api/webhooks/${endpoint.id}/deliveries`)).body.deliveries[0]?.state).toBe('delivered');
    const log = await api<DeliveriesResponse>('GET', `/api/webhooks/${endpoint.id}/deliveries`);
    expect(log.body.deliveries.map((d) => d.seq)).toEqual(dashboard.changes.map((c) => c.seq).reverse());
    expect(log.body.deliveries[0]).toMatchObject({ state: 'delivered', attempts: 1, history: [{ status: 204 }] });
    expect(log.body.deliveries.map((d) => d.id)).toEqual(receiver.delivered.map((r) => r.id).reverse());
  });

  it('sends only the treaties and kinds an endpoint asked for', async () => {
    const { receiver } = await subscribe({ treaties: ['inf'], kinds: ['update.posted'] });
    const { body } = await postUpdate<PostUpdateResponse>(board.server.url, 'inf', { headline: 'INF news' });
    await postUpdate(board.server.url, 'npt', { headline: 'NPT news' });
    expect((await api('PATCH', `/api/updates/${body.update.id}`, { headline: 'INF news, corrected' })).status).toBe(200);
    await postUpdate(board.server.url, 'inf', { headline: 'More INF news' });
    await receiver.until(() => receiver.delivered.length === 2, 5000, 'two deliveries');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(headlinesOf(receiver)).toEqual(['INF news', 'More INF news']);
  });

  it('retries a failing endpoint with backoff, keeping the same webhook-id and the order', async () => {
    const { receiver, endpoint } = await subscribe();
    receiver.failNext(2);
    await postUpdate(board.server.url, 'new-start', { headline: 'Retried' });
    await postUpdate(board.server.url, 'new-start', { headline: 'Queued behind it' });
    await receiver.until(() => receiver.delivered.length === 2, 10_000, 'both deliveries');

    expect(headlinesOf(receiver)).toEqual(['Retried', 'Queued behind it']);
    const attempts = receiver.received.filter((r) => r.payload.data.update?.headline === 'Retried');
    expect(attempts.map((a) => a.answered)).toEqual([500, 500, 204]);
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1);
    expectOnceEach(receiver);
    const logged = async () => (await api<DeliveriesResponse>('GET', `/api/webhooks/${endpoint.id}/deliveries`)).body.deliveries.find((d) => d.id === attempts[0]?.id);
    await expect.poll(async () => (await logged())?.state).toBe('delivered');
    const retried = await logged();
    expect(retried).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(retried?.history.map((h) => h.status)).toEqual([500, 500, 204]);
    expect(retried?.history.every((h) => h.latencyMs >= 0)).toBe(true);
    expect((await api<WebhookResponse>('GET', `/api/webhooks/${endpoint.id}`)).body.endpoint.failingSince).toBeUndefined();
  });

  it('delivers once the receiver comes back after going down in the middle of a delivery', async () => {
    const { receiver } = await subscribe();
    receiver.hang();
    await postUpdate(board.server.url, 'new-start', { headline: 'Cut off mid-delivery' });
    await receiver.until(() => receiver.received.length === 1, 5000, 'the first attempt to arrive');
    await receiver.stop();
    await postUpdate(board.server.url, 'new-start', { headline: 'Sent while it was down' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    receiver.accept();
    await receiver.start();
    await receiver.until(() => receiver.delivered.length === 2, 10_000, 'both deliveries');
    expect(headlinesOf(receiver)).toEqual(['Cut off mid-delivery', 'Sent while it was down']);
    expectOnceEach(receiver);
  });

  it('keeps its outbox across a server restart', async () => {
    const { receiver } = await subscribe();
    await receiver.stop();
    await postUpdate(board.server.url, 'new-start', { headline: 'Queued before the restart' });
    await board.server.restart();
    await postUpdate(board.server.url, 'new-start', { headline: 'Queued after the restart' });
    await receiver.start();
    await receiver.until(() => receiver.delivered.length === 2, 10_000, 'both deliveries');
    expect(headlinesOf(receiver)).toEqual(['Queued before the restart', 'Queued after the restart']);
    expectOnceEach(receiver);
  });

  it('holds an embargoed update back until it is published', async () => {
    const { receiver } = await subscribe();
    const publishAt = new Date(Date.now() + 3000).toISOString();
    expect((await postUpdate(board.server.url, 'new-start', { headline: 'Embargoed for the wire', publishAt })).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(Date.now()).toBeLessThan(Date.parse(publishAt));
    expect(receiver.received).toEqual([]);
    await receiver.until(() => receiver.delivered.length === 1, 5000, 'the published update');
    expect(headlinesOf(receiver)).toEqual(['Embargoed for the wire']);
  });

  it('forgets an endpoint that is deleted, with its deliveries', async () => {
    const { receiver, endpoint } = await subscribe();
    await receiver.stop();
    await postUpdate(board.server.url, 'npt', { headline: 'Never to be sent' });
    expect((await api('DELETE', `/api/webhooks/${endpoint.id}`)).status).toBe(200);
    endpoints.splice(endpoints.indexOf(endpoint.id), 1);
    expect((await api('GET', `/api/webhooks/${endpoint.id}/deliveries`)).status).toBe(404);
    await receiver.start();
    // Longer than the tests' longest backoff: a delivery that outlived the endpoint would be tried by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received).toEqual([]);
  });

  it('keeps a hanging endpoint from holding up the others', async () => {
    const slow = await subscribe({ treaties: ['ctbt'] });
    const fast = await subscribe({ treaties: ['ctbt'] });
    slow.receiver.hang();
    const started = Date.now();
    for (const headline of ['One', 'Two', 'Three']) await postUpdate(board.server.url, 'ctbt', { headline });
    await fast.receiver.until(() => fast.receiver.delivered.length === 3, 5000, 'the fast endpoint to get all three');
    // The slow one's first attempt is still waiting out its 2 s timeout.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(slow.receiver.delivered).toEqual([]);
  });
});

describe('an endpoint that keeps failing', () => {
  it('is disabled after its time of failures, says why, and resumes where it stopped when enabled', async () => {
    const server = await startServer({ webhooks: { timeoutMs: 2000, retry: { baseMs: 100, maxMs: 200 }, disableAfterMs: 1000 } });
    try {
      const { receiver, endpoint } = await subscribe({}, server.url);
      receiver.failAlways(503);
      await postUpdate(server.url, 'new-start', { headline: 'Nobody is listening' });
      const state = async () => (await api<WebhookResponse>('GET', `/api/webhooks/${endpoint.id}`, undefined, server.url)).body.endpoint;
      for (const deadline = Date.now() + 8000; (await state()).enabled && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
      const disabled = await state();
      expect(disabled).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('HTTP 503') });
      const attempts = receiver.received.length;
      expect(attempts).toBeGreaterThan(2);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(receiver.received.length).toBe(attempts);

      receiver.accept();
      const enabled = await api<WebhookResponse>('PATCH', `/api/webhooks/${endpoint.id}`, { enabled: true }, server.url);
      expect(enabled.body.endpoint).toMatchObject({ enabled: true });
      expect(enabled.body.endpoint.disabledReason).toBeUndefined();
      await receiver.until(() => receiver.delivered.length === 1, 5000, 'the delivery after enabling');
      expect(headlinesOf(receiver)).toEqual(['Nobody is listening']);
    } finally {
      await server.close();
    }
  });

  it('is tried at once when enabled again, not at the end of its backoff', async () => {
    const server = await startServer({ webhooks: { timeoutMs: 2000, retry: { baseMs: 20_000, maxMs: 60_000 }, disableAfterMs: 0 } });
    try {
      const { receiver, endpoint } = await subscribe({}, server.url);
      receiver.failAlways(503);
      await postUpdate(server.url, 'new-start', { headline: 'Tried again when enabled' });
      await receiver.until(() => receiver.received.length === 1, 5000, 'the first attempt');
      await expect.poll(async () => (await api<WebhookResponse>('GET', `/api/webhooks/${endpoint.id}`, undefined, server.url)).body.endpoint.enabled).toBe(false);
      const [pending] = (await api<DeliveriesResponse>('GET', `/api/webhooks/${endpoint.id}/deliveries`, undefined, server.url)).body.deliveries;
      expect(Date.parse(pending?.nextAttemptAt ?? '')).toBeGreaterThan(Date.now() + 5000);

      receiver.accept();
      await api('PATCH', `/api/webhooks/${endpoint.id}`, { enabled: true }, server.url);
      await receiver.until(() => receiver.delivered.length === 1, 3000, 'the delivery right after enabling');
    } finally {
      await server.close();
    }
  });
});
