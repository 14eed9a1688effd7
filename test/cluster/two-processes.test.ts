import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditResponse, PostUpdateResponse, Snapshot } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { metricOf } from '../support/metrics';
import { BoardClient } from '../support/board-client';
import { REDIS_URL } from '../support/redis';
import { DATABASE_URL, POSTGRES_MISSING } from '../support/stores';
import { useTwoProcesses } from '../support/two-processes';
import { WebhookReceiver } from '../support/webhook-receiver';

const ready = DATABASE_URL && REDIS_URL;
if (!ready)
  process.stdout.write(
    `Cluster tests skipped: they need both DATABASE_URL and REDIS_URL (CI sets them). ${DATABASE_URL ? '' : POSTGRES_MISSING}\n`,
  );

describe.skipIf(!ready)('two server processes on one PostgreSQL and one Redis', () => {
  const cluster = useTwoProcesses('cluster');
  const clients: BoardClient[] = [];
  const connect = (url: string, options?: ConstructorParameters<typeof BoardClient>[1]) => {
    const client = new BoardClient(url, options);
    clients.push(client);
    return client;
  };

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  it('seeds once although both started on an empty database', async () => {
    const [fromA, fromB] = await Promise.all(
      [cluster.a, cluster.b].map(async (s) => (await request<Snapshot>(`${s.url}/api/snapshot`)).body),
    );
    expect(fromA?.treaties).toHaveLength(10);
    expect(fromA?.seq).toBe(fromB?.seq);
    expect((await request<{ status: string; redis?: boolean }>(`${cluster.b.url}/readyz`)).body).toEqual({
      status: 'ready',
      store: 'postgres',
      redis: true,
    });
  });

  it('delivers updates posted on either process to a dashboard on B, in seq order, none missing', async () => {
    const dashboard = connect(cluster.b.url);
    await dashboard.until(() => dashboard.snapshots.length === 1, 5000, 'the snapshot');
    const start = dashboard.lastSeq ?? 0;
    const posted = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postUpdate<PostUpdateResponse>((i % 2 ? cluster.a : cluster.b).url, 'npt', { headline: `Cluster ${i}` }),
      ),
    );
    expect(posted.every((p) => p.status === 201)).toBe(true);
    await dashboard.until(() => dashboard.changes.length === 20, 5000, 'twenty changes');
    expect(dashboard.changes.map((c) => c.seq)).toEqual(Array.from({ length: 20 }, (_, i) => start + 1 + i));
  });

  it('replays exactly the missed changes to a dashboard that moves from A to B', async () => {
    const onA = connect(cluster.a.url);
    await onA.until(() => onA.snapshots.length === 1);
    const lastSeq = onA.lastSeq ?? 0;
    onA.close();
    const missed: number[] = [];
    for (const headline of ['Moved one', 'Moved two', 'Moved three']) {
      missed.push((await postUpdate<PostUpdateResponse>(cluster.a.url, 'inf', { headline })).body.update.seq);
    }
    const onB = connect(cluster.b.url, { lastSeq });
    await onB.until(() => onB.changes.length === 3, 5000, 'the three missed changes');
    expect(onB.snapshots).toHaveLength(0);
    expect(onB.changes.map((c) => c.seq)).toEqual(missed);
  });

  it('runs scheduled work once: a treaty expires in one log entry, seen on both', async () => {
    const onA = connect(cluster.a.url);
    const onB = connect(cluster.b.url);
    await Promise.all([onA, onB].map((c) => c.until(() => c.snapshots.length === 1)));
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const created = await request(`${cluster.a.url}/api/treaties`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        id: 'cluster-term',
        name: 'Cluster term',
        shortName: 'CT',
        category: 'strategic_arms',
        status: 'in_force',
        expiresAt,
      }),
    });
    expect(created.status).toBe(201);
    for (const client of [onA, onB]) await client.until(() => client.changes.some((c) => c.kind === 'treaty.expired'), 6000, 'the expiry');
    // Had the other process also taken the expiry, it would have done so in a round under way by
    // now: two more rounds finished on each means one began after the expiry was committed.
    await Promise.all(
      [cluster.a, cluster.b].map(async ({ url }) => {
        const rounds = () => metricOf(url, 'treaty_watch_due_rounds_total');
        const seen = await rounds();
        await vi.waitFor(async () => expect(await rounds()).toBeGreaterThanOrEqual(seen + 2), { timeout: 5000, interval: 100 });
      }),
    );
    const { body } = await request<AuditResponse>(`${cluster.b.url}/api/audit?limit=500`, { headers });
    expect(body.entries.filter((e) => e.action === 'treaty.expired' && e.target === 'cluster-term')).toHaveLength(1);
    expect(onA.changes.filter((c) => c.kind === 'treaty.expired')).toHaveLength(1);
  });

  it('runs the outbox once: each change reaches a webhook once, in seq order, though both processes send', async () => {
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const receiver = new WebhookReceiver(secret);
    await receiver.start();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };
    try {
      const created = await request(`${cluster.a.url}/api/webhooks`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ url: receiver.url, secret, treaties: ['open-skies'] }),
      });
      expect(created.status).toBe(201);
      const posted: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        posted.push(
          (await postUpdate<PostUpdateResponse>((i % 2 ? cluster.a : cluster.b).url, 'open-skies', { headline: `Hooked ${i}` })).body.update
            .seq,
        );
      }
      await receiver.until(() => receiver.delivered.length >= 12, 10_000, 'twelve deliveries');
      // An endpoint's deliveries go one at a time in seq order: a second send of any change before
      // this last one would have gone while that change was at the head of the queue, before it.
      posted.push((await postUpdate<PostUpdateResponse>(cluster.a.url, 'open-skies', { headline: 'Hooked last' })).body.update.seq);
      await receiver.until(() => receiver.delivered.length >= 13, 10_000, 'the last delivery');
      expect(receiver.received.map((r) => r.payload.data.seq)).toEqual(posted);
    } finally {
      await receiver.stop();
    }
  });

  it('counts presence across the whole cluster', async () => {
    const screen = connect(cluster.a.url, { client: 'screen' });
    const viewer = connect(cluster.b.url);
    await screen.until(() => screen.socket.connected);
    await viewer.until(() => viewer.presence.some((p) => p.screens >= 1 && p.viewers >= 1), 5000, 'a screen on A counted on B');
  });
});
