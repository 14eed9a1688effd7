import { describe, expect, it } from 'vitest';
import { changeSchema, REPLAY_LIMIT, snapshotSchema, type PostUpdateResponse } from '@treaty-watch/shared';
import { useServer } from '../support/use-server';

const board = useServer();

describe('the realtime channel', () => {
  it('sends the updates a backdated one reinterprets, so no dashboard keeps a status the server no longer has', async () => {
    const dashboard = board.connect();
    await dashboard.until(() => dashboard.snapshots.length === 1);
    const today = await board.api.postUpdate<PostUpdateResponse>('tpnw', { headline: 'States parties suspend it', status: 'suspended' });
    expect(today.body.update).toMatchObject({ status: 'suspended', previousStatus: 'in_force' });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const earlier = await board.api.postUpdate<PostUpdateResponse>('tpnw', {
      headline: 'In fact suspended a day earlier',
      status: 'suspended',
      occurredAt: yesterday,
    });
    expect(earlier.body.update).toMatchObject({ status: 'suspended', previousStatus: 'in_force' });

    await dashboard.until(() => dashboard.changes.length === 2);
    const change = changeSchema.parse(dashboard.changes[1]);
    expect(change.revised?.map((u) => u.id)).toEqual([today.body.update.id]);
    // Repeating the status it already had by then, today's update no longer changed it.
    expect(change.revised?.[0]?.status).toBeUndefined();
    expect(change.revised?.[0]?.previousStatus).toBeUndefined();
  });

  it('sends a fresh dashboard a snapshot of the board', async () => {
    const client = board.connect();
    await client.until(() => client.snapshots.length === 1, 5000, 'a snapshot');
    const snapshot = snapshotSchema.parse(client.snapshots[0]);
    expect(snapshot.treaties).toHaveLength(10);
    expect(snapshot.updates.length).toBeGreaterThan(0);
  });

  it('delivers a posted update to two dashboards, once each, with the treaty as it now stands', async () => {
    const a = board.connect();
    const b = board.connect();
    await Promise.all([a, b].map((c) => c.until(() => c.snapshots.length === 1)));
    const posted = await board.api.postUpdate<PostUpdateResponse>('open-skies', {
      headline: 'Remaining parties suspend observation flights',
      status: 'suspended',
    });
    expect(posted.status).toBe(201);
    for (const client of [a, b]) {
      await client.until(() => client.changes.length === 1, 2000, 'the change');
      const change = changeSchema.parse(client.changes[0]);
      expect(change).toMatchObject({ seq: posted.body.update.seq, kind: 'update.posted' });
      expect(change.treaty).toEqual(posted.body.treaty);
      expect(change.update).toEqual(posted.body.update);
    }
  });

  it('replays exactly the missed changes, in order, to a dashboard that reconnects with lastSeq', async () => {
    const first = board.connect();
    await first.until(() => first.snapshots.length === 1);
    const lastSeq = first.lastSeq ?? 0;
    first.close();

    const missed: number[] = [];
    for (const headline of ['Missed one', 'Missed two', 'Missed three']) {
      const { body } = await board.api.postUpdate<PostUpdateResponse>('npt', { headline });
      missed.push(body.update.seq);
    }
    const back = board.connect({ lastSeq });
    await back.until(() => back.changes.length === 3, 2000, 'three replayed changes');
    expect(back.snapshots).toHaveLength(0);
    expect(back.changes.map((c) => c.seq)).toEqual(missed);
    expect(back.changes.map((c) => c.update?.headline)).toEqual(['Missed one', 'Missed two', 'Missed three']);

    const { body } = await board.api.postUpdate<PostUpdateResponse>('npt', { headline: 'Live again' });
    await back.until(() => back.changes.length === 4, 2000, 'the live change after replay');
    expect(back.changes[3]?.seq).toBe(body.update.seq);
  });

  it('sends nothing but live changes to a dashboard that is already up to date', async () => {
    const probe = board.connect();
    await probe.until(() => probe.snapshots.length === 1);
    const current = board.connect({ lastSeq: probe.lastSeq ?? 0 });
    await current.until(() => current.presence.length > 0);
    // A live change, once it has arrived, shows that nothing else was sent before it.
    const live = await board.api.postUpdate<PostUpdateResponse>('npt', { headline: 'Only this one' });
    await current.until(() => current.changes.length > 0);
    expect(current.snapshots).toHaveLength(0);
    expect(current.changes.map((c) => c.seq)).toEqual([live.body.update.seq]);
  });

  it.each([
    ['further behind than the replay window', (seq: number) => Math.max(0, seq - REPLAY_LIMIT - 1)],
    ['ahead of the server (a reset database)', (seq: number) => seq + 500],
  ])('sends a snapshot to a dashboard %s', async (_what, lastSeqFor) => {
    const probe = board.connect();
    await probe.until(() => probe.snapshots.length === 1);
    const seq = probe.lastSeq ?? 0;
    if (seq <= REPLAY_LIMIT) {
      // Make the log longer than the replay window so "too far behind" is reachable.
      for (let i = 0; i < REPLAY_LIMIT + 2 - seq; i++) await board.api.postUpdate('npt', { headline: `Filler ${i}` });
    }
    const now = (await board.api.postUpdate<PostUpdateResponse>('npt', { headline: 'Marker' })).body.update.seq;
    const stale = board.connect({ lastSeq: lastSeqFor(now) });
    await stale.until(() => stale.snapshots.length === 1, 5000, 'a snapshot');
    expect(stale.snapshots[0]?.seq).toBe(now);
    expect(stale.changes).toHaveLength(0);
  });

  it('answers a resync request from a dashboard that saw a gap', async () => {
    const client = board.connect();
    await client.until(() => client.snapshots.length === 1);
    const seq = client.lastSeq ?? 0;
    await board.api.postUpdate('npt', { headline: 'Resync one' });
    await board.api.postUpdate('npt', { headline: 'Resync two' });
    await client.until(() => client.changes.length === 2);
    client.socket.emit('resync', { lastSeq: seq });
    await client.until(() => client.changes.length === 4, 2000, 'the replayed pair');
    expect(client.changes.slice(2).map((c) => c.update?.headline)).toEqual(['Resync one', 'Resync two']);
  });

  it('counts viewers and screens and tells every dashboard', async () => {
    const viewer = board.connect();
    const screen = board.connect({ client: 'screen' });
    await viewer.until(() => viewer.presence.some((p) => p.viewers >= 1 && p.screens >= 1), 3000, 'presence with a screen');
    screen.close();
    await viewer.until(() => viewer.presence.at(-1)?.screens === 0, 3000, 'presence without the screen');
  });
});
