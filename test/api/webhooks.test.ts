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
import { api, type Api } from '../support/api-client';
import { testClock, type TestClock } from '../support/test-clock';
import { useServer } from '../support/use-server';
import { WebhookReceiver } from '../support/webhook-receiver';
import { stringContaining } from '../support/matchers';

/** The tests' retry policy: no retry waits longer than this. */
const RETRY_MAX_MS = 1000;
const clock = testClock();
const board = useServer({
  now: clock.now,
  webhooks: { timeoutMs: 2000, retry: { baseMs: 200, maxMs: RETRY_MAX_MS }, disableAfterMs: 24 * 60 * 60 * 1000 },
});
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const receivers: WebhookReceiver[] = [];
const endpoints: string[] = [];

const post = (treatyId: string, body: unknown, to: Api = board.api) =>
  to.post<PostUpdateResponse>(`/api/treaties/${treatyId}/updates`, body);

type Served = { readonly server: { url: string; app: { webhooks: { check(): Promise<void> } } } };

/** Sends what is due now, and waits for those sends: after it, nothing due is untried. */
const sendDue = (on: Served = board) => on.server.app.webhooks.check();

/**
 * Moves the clock a retry's longest wait at a time, sending what falls due, until `done`:
 * no wait for a timer, and no more moves than the retries take.
 */
async function retryUntil(
  done: () => boolean | Promise<boolean>,
  on: Served = board,
  time: TestClock = clock,
  stepMs = RETRY_MAX_MS,
): Promise<void> {
  for (let step = 0; step < 20 && !(await done()); step += 1) {
    time.advance(stepMs);
    await sendDue(on);
  }
  expect(await done()).toBe(true);
}

/** A started receiver and an endpoint registered for it; removed after the test. */
async function subscribe(options: Record<string, unknown> = {}, on: Served = board) {
  const secret = newSecret();
  const receiver = new WebhookReceiver(secret);
  await receiver.start();
  receivers.push(receiver);
  const created = await api(on.server).post<CreateWebhookResponse>('/api/webhooks', { url: receiver.url, secret, ...options });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (on === board) endpoints.push(created.body.endpoint.id);
  return { receiver, endpoint: created.body.endpoint };
}

/** Nothing was acknowledged twice: a change that got a 2xx is never sent again. */
function expectOnceEach(receiver: WebhookReceiver): void {
  const ids = receiver.delivered.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
}

const headlinesOf = (receiver: WebhookReceiver) => receiver.delivered.map((r) => r.payload.data.update?.headline);

afterEach(async () => {
  for (const id of endpoints.splice(0)) await board.api.delete(`/api/webhooks/${id}`);
  for (const receiver of receivers.splice(0)) await receiver.stop();
});

describe('webhook endpoints', () => {
  it('are registered by an admin, with a secret shown once and never listed', async () => {
    const created = await board.api.post<CreateWebhookResponse>('/api/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      description: 'Wire desk',
    });
    expect(created.status).toBe(201);
    endpoints.push(created.body.endpoint.id);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.body.endpoint).toMatchObject({ url: 'http://127.0.0.1:9/hook', description: 'Wire desk', enabled: true });
    const listed = await board.api.get<WebhooksResponse>('/api/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(listed.body.endpoints.map((e) => e.id)).toContain(created.body.endpoint.id);

    const token = await board.api.post<{ token: string }>('/api/tokens', { role: 'editor', name: 'not an admin' });
    const asEditor = await board.api.get('/api/webhooks', { token: token.body.token });
    expect(asEditor.status).toBe(403);
  });

  it.each([
    ['a URL that is not http', { url: 'ftp://example.org/hook' }, 'url'],
    ['a secret not in the whsec_ form', { url: 'https://example.org/hook', secret: 'hunter2' }, 'secret'],
    ['an unknown kind of change', { url: 'https://example.org/hook', kinds: ['update.deleted'] }, 'kinds.0'],
  ])('refuses %s, naming the field', async (_what, body, field) => {
    const before = (await board.api.get<WebhooksResponse>('/api/webhooks')).body.endpoints.length;
    const response = await board.api.post<Problem>('/api/webhooks', body);
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toContain(field);
    expect((await board.api.get<WebhooksResponse>('/api/webhooks')).body.endpoints.length).toBe(before);
  });
});

describe('webhook delivery', () => {
  it('sends every change, signed, in seq order, exactly as the dashboards get it', async () => {
    const { receiver, endpoint } = await subscribe();
    const dashboard = board.connect();
    await dashboard.until(() => dashboard.snapshots.length === 1);
    for (const headline of ['First', 'Second', 'Third']) await post('new-start', { headline });
    await receiver.until(() => receiver.delivered.length === 3, 5000, 'three deliveries');
    await dashboard.until(() => dashboard.changes.length === 3);

    expect(receiver.rejected).toEqual([]);
    expect(headlinesOf(receiver)).toEqual(['First', 'Second', 'Third']);
    expect(receiver.delivered.map((r) => r.payload.data)).toEqual(dashboard.changes);
    expect(receiver.delivered.every((r) => r.payload.type === 'update.posted')).toBe(true);
    expectOnceEach(receiver);

    // The receiver has it before the server has its answer: the log follows a moment later.
    await expect
      .poll(async () => (await board.api.get<DeliveriesResponse>(`/api/webhooks/${endpoint.id}/deliveries`)).body.deliveries[0]?.state)
      .toBe('delivered');
    const log = await board.api.get<DeliveriesResponse>(`/api/webhooks/${endpoint.id}/deliveries`);
    expect(log.body.deliveries.map((d) => d.seq)).toEqual(dashboard.changes.map((c) => c.seq).reverse());
    expect(log.body.deliveries[0]).toMatchObject({ state: 'delivered', attempts: 1, history: [{ status: 204 }] });
    expect(log.body.deliveries.map((d) => d.id)).toEqual(receiver.delivered.map((r) => r.id).reverse());
  });

  it('sends only the treaties and kinds an endpoint asked for', async () => {
    const { receiver } = await subscribe({ treaties: ['inf'], kinds: ['update.posted'] });
    const { body } = await post('inf', { headline: 'INF news' });
    await post('npt', { headline: 'NPT news' });
    expect((await board.api.patch(`/api/updates/${body.update.id}`, { headline: 'INF news, corrected' })).status).toBe(200);
    await post('inf', { headline: 'More INF news' });
    await sendDue();
    expect(headlinesOf(receiver)).toEqual(['INF news', 'More INF news']);
  });

  it('retries a failing endpoint with backoff, keeping the same webhook-id and the order', async () => {
    const { receiver, endpoint } = await subscribe();
    receiver.failNext(2);
    await post('new-start', { headline: 'Retried' });
    await post('new-start', { headline: 'Queued behind it' });
    await sendDue();
    expect(receiver.received.map((r) => r.answered)).toEqual([500]);
    await retryUntil(() => receiver.delivered.length === 2);

    expect(headlinesOf(receiver)).toEqual(['Retried', 'Queued behind it']);
    const attempts = receiver.received.filter((r) => r.payload.data.update?.headline === 'Retried');
    expect(attempts.map((a) => a.answered)).toEqual([500, 500, 204]);
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1);
    expectOnceEach(receiver);
    const logged = async () =>
      (await board.api.get<DeliveriesResponse>(`/api/webhooks/${endpoint.id}/deliveries`)).body.deliveries.find(
        (d) => d.id === attempts[0]?.id,
      );
    await expect.poll(async () => (await logged())?.state).toBe('delivered');
    const retried = await logged();
    expect(retried).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(retried?.history.map((h) => h.status)).toEqual([500, 500, 204]);
    expect(retried?.history.every((h) => h.latencyMs >= 0)).toBe(true);
    expect((await board.api.get<WebhookResponse>(`/api/webhooks/${endpoint.id}`)).body.endpoint.failingSince).toBeUndefined();
  });

  it('delivers once the receiver comes back after going down in the middle of a delivery', async () => {
    const { receiver } = await subscribe();
    receiver.hang();
    await post('new-start', { headline: 'Cut off mid-delivery' });
    await receiver.until(() => receiver.received.length === 1, 5000, 'the first attempt to arrive');
    await receiver.stop();
    await post('new-start', { headline: 'Sent while it was down' });
    await sendDue();
    receiver.accept();
    await receiver.start();
    await retryUntil(() => receiver.delivered.length === 2);
    expect(headlinesOf(receiver)).toEqual(['Cut off mid-delivery', 'Sent while it was down']);
    expectOnceEach(receiver);
  });

  it('keeps its outbox across a server restart', async () => {
    const { receiver } = await subscribe();
    await receiver.stop();
    await post('new-start', { headline: 'Queued before the restart' });
    await board.server.restart();
    await post('new-start', { headline: 'Queued after the restart' });
    await receiver.start();
    await retryUntil(() => receiver.delivered.length === 2);
    expect(headlinesOf(receiver)).toEqual(['Queued before the restart', 'Queued after the restart']);
    expectOnceEach(receiver);
  });

  it('holds an embargoed update back until it is published', async () => {
    const { receiver } = await subscribe();
    const publishAt = new Date(clock.now().getTime() + 3000).toISOString();
    expect((await post('new-start', { headline: 'Embargoed for the wire', publishAt })).status).toBe(202);
    clock.advance(1500);
    await board.server.app.dueWork.check();
    await sendDue();
    expect(receiver.received).toEqual([]);
    clock.advance(2000);
    await board.server.app.dueWork.check();
    await sendDue();
    expect(headlinesOf(receiver)).toEqual(['Embargoed for the wire']);
  });

  it('forgets an endpoint that is deleted, with its deliveries', async () => {
    const { receiver, endpoint } = await subscribe({ treaties: ['npt'] });
    // Subscribed alike and down alike, but kept: it shows the retries did come round.
    const kept = await subscribe({ treaties: ['npt'] });
    await receiver.stop();
    await kept.receiver.stop();
    await post('npt', { headline: 'Never to be sent' });
    await sendDue();
    const attemptsOf = async (id: string) =>
      (await board.api.get<DeliveriesResponse>(`/api/webhooks/${id}/deliveries`)).body.deliveries[0]?.attempts;
    expect(await attemptsOf(endpoint.id)).toBe(1);
    expect((await board.api.delete(`/api/webhooks/${endpoint.id}`)).status).toBe(200);
    endpoints.splice(endpoints.indexOf(endpoint.id), 1);
    expect((await board.api.get(`/api/webhooks/${endpoint.id}/deliveries`)).status).toBe(404);
    await receiver.start();
    await kept.receiver.start();
    await retryUntil(() => kept.receiver.delivered.length === 1);
    expect(await attemptsOf(kept.endpoint.id)).toBe(2);
    expect(receiver.received).toEqual([]);
  });

  it('keeps a hanging endpoint from holding up the others', async () => {
    const slow = await subscribe({ treaties: ['ctbt'] });
    const fast = await subscribe({ treaties: ['ctbt'] });
    slow.receiver.hang();
    const started = Date.now();
    for (const headline of ['One', 'Two', 'Three']) await post('ctbt', { headline });
    await fast.receiver.until(() => fast.receiver.delivered.length === 3, 5000, 'the fast endpoint to get all three');
    // The slow one's first attempt is still waiting out its 2 s timeout.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(slow.receiver.delivered).toEqual([]);
  });
});

describe('an endpoint that keeps failing', () => {
  describe('for longer than its time', () => {
    const time = testClock();
    const failing = useServer({ now: time.now, webhooks: { timeoutMs: 2000, retry: { baseMs: 100, maxMs: 200 }, disableAfterMs: 1000 } });

    it('is disabled after its time of failures, says why, and resumes where it stopped when enabled', async () => {
      const { receiver, endpoint } = await subscribe({}, failing);
      receiver.failAlways(503);
      await post('new-start', { headline: 'Nobody is listening' }, failing.api);
      const state = async () => (await failing.api.get<WebhookResponse>(`/api/webhooks/${endpoint.id}`)).body.endpoint;
      await retryUntil(async () => !(await state()).enabled, failing, time, 200);
      expect(await state()).toMatchObject({ enabled: false, disabledReason: stringContaining('HTTP 503') });
      const attempts = receiver.received.length;
      expect(attempts).toBeGreaterThan(2);
      time.advance(60_000);
      await sendDue(failing);
      expect(receiver.received.length).toBe(attempts);

      receiver.accept();
      const again = await failing.api.patch<WebhookResponse>(`/api/webhooks/${endpoint.id}`, { enabled: true });
      expect(again.body.endpoint).toMatchObject({ enabled: true });
      expect(again.body.endpoint.disabledReason).toBeUndefined();
      await sendDue(failing);
      expect(headlinesOf(receiver)).toEqual(['Nobody is listening']);
    });
  });

  describe('with a long backoff', () => {
    const time = testClock();
    const slow = useServer({ now: time.now, webhooks: { timeoutMs: 2000, retry: { baseMs: 20_000, maxMs: 60_000 }, disableAfterMs: 0 } });

    it('is tried at once when enabled again, not at the end of its backoff', async () => {
      const { receiver, endpoint } = await subscribe({}, slow);
      receiver.failAlways(503);
      await post('new-start', { headline: 'Tried again when enabled' }, slow.api);
      await sendDue(slow);
      expect(receiver.received).toHaveLength(1);
      await expect
        .poll(async () => (await slow.api.get<WebhookResponse>(`/api/webhooks/${endpoint.id}`)).body.endpoint.enabled)
        .toBe(false);
      const [pending] = (await slow.api.get<DeliveriesResponse>(`/api/webhooks/${endpoint.id}/deliveries`)).body.deliveries;
      expect(Date.parse(pending?.nextAttemptAt ?? '')).toBeGreaterThan(time.now().getTime() + 5000);

      receiver.accept();
      await slow.api.patch(`/api/webhooks/${endpoint.id}`, { enabled: true });
      await sendDue(slow);
      expect(receiver.delivered).toHaveLength(1);
    });
  });
});
