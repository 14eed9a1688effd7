import { describe, expect, it } from 'vitest';
import type { Change, Snapshot, Treaty, Update } from '@treaty-watch/shared';
import { applyChange, applySnapshot, emptyBoard, FEED_LIMIT, type BoardState } from './board-state';

const treaty = (id: string, status: Treaty['status'], version = 1): Treaty => ({
  id,
  name: id,
  shortName: id.toUpperCase(),
  parties: '',
  category: 'strategic_arms',
  status,
  statusSince: '2019-08-02T00:00:00.000Z',
  summary: '',
  sources: [],
  version,
  updatedAt: '2026-11-24T00:00:00.000Z',
});
const update = (id: string, seq: number, treatyId = 'inf'): Update => ({
  id,
  seq,
  treatyId,
  headline: `Update ${id}`,
  occurredAt: '2026-11-24T00:00:00.000Z',
  publishedAt: '2026-11-24T00:00:00.000Z',
  author: 'desk',
});
const snapshot: Snapshot = {
  seq: 10,
  serverTime: '2026-11-24T00:00:00.000Z',
  buildId: 'b1',
  treaties: [treaty('inf', 'in_force'), treaty('npt', 'in_force')],
  updates: [update('u10', 10)],
  activity: [
    { date: '2026-11-23', count: 0, byTreaty: {} },
    { date: '2026-11-24', count: 1, byTreaty: { inf: 1 } },
  ],
};
const loaded = (): BoardState => applySnapshot(emptyBoard, snapshot);

function applied(result: ReturnType<typeof applyChange>): BoardState {
  if (result.kind !== 'applied') throw new Error(`expected the change to apply, got ${result.kind}`);
  return result.state;
}

describe('the board state', () => {
  it('takes a snapshot whole', () => {
    const state = loaded();
    expect(state.seq).toBe(10);
    expect(state.buildId).toBe('b1');
    expect(state.treaties.map((t) => t.id)).toEqual(['inf', 'npt']);
  });

  it('applies the next change: the treaty replaced in place, the update first in the feed, the card highlighted', () => {
    const change: Change = { seq: 11, kind: 'update.posted', treaty: treaty('inf', 'suspended', 2), update: update('u11', 11) };
    const state = applied(applyChange(loaded(), change, 1000));
    expect(state.seq).toBe(11);
    expect(state.treaties.map((t) => [t.id, t.status])).toEqual([
      ['inf', 'suspended'],
      ['npt', 'in_force'],
    ]);
    expect(state.updates.map((u) => u.id)).toEqual(['u11', 'u10']);
    expect(state.highlights.inf).toEqual({ at: 1000, from: 'in_force', to: 'suspended' });
    expect(state.arrivals.u11).toBe(1000);
  });

  it('applies the seed’s backfill to its treaty, but keeps it out of the feed and the highlights', () => {
    const moved = { ...treaty('npt', 'in_force', 2), parties: 'one more' };
    const change: Change = {
      seq: 11,
      kind: 'update.posted',
      treaty: moved,
      update: { ...update('sheet-1', 11, 'npt'), author: 'fact sheet' },
      backfill: true,
    };
    const state = applied(applyChange(loaded(), change, 1000));
    expect(state.seq).toBe(11);
    expect(state.treaties.find((t) => t.id === 'npt')).toEqual(moved);
    expect(state.updates.map((u) => u.id)).toEqual(['u10']);
    expect(state.highlights).toEqual({});
    expect(state.arrivals).not.toHaveProperty('sheet-1');
  });

  it('drops a change it already applied', () => {
    const state = applied(applyChange(loaded(), { seq: 11, kind: 'treaty.changed', treaty: treaty('inf', 'in_force', 2) }, 1));
    expect(applyChange(state, { seq: 11, kind: 'treaty.changed', treaty: treaty('inf', 'in_force', 2) }, 2).kind).toBe('duplicate');
    expect(applyChange(state, { seq: 5, kind: 'treaty.changed', treaty: treaty('inf', 'abandoned', 9) }, 2).kind).toBe('duplicate');
  });

  it('reports a gap instead of applying a change that skips a seq', () => {
    expect(applyChange(loaded(), { seq: 13, kind: 'treaty.changed', treaty: treaty('inf', 'abandoned', 3) }, 1).kind).toBe('gap');
    expect(applyChange(emptyBoard, { seq: 1, kind: 'treaty.changed', treaty: treaty('inf', 'abandoned') }, 1).kind).toBe('gap');
  });

  it('adds a new treaty at the end and replaces a corrected update where it stands', () => {
    const withNew = applied(applyChange(loaded(), { seq: 11, kind: 'treaty.created', treaty: treaty('tpnw', 'negotiating') }, 1));
    expect(withNew.treaties.map((t) => t.id)).toEqual(['inf', 'npt', 'tpnw']);
    const corrected = { ...update('u10', 10), headline: 'Corrected', correctedAt: '2026-11-24T01:00:00.000Z' };
    const state = applied(
      applyChange(withNew, { seq: 12, kind: 'update.corrected', treaty: treaty('inf', 'in_force', 2), update: corrected }, 2),
    );
    expect(state.updates).toEqual([corrected]);
    expect(state.highlights.inf).toEqual({ at: 2 });
  });

  it('replaces the updates a change says it reinterprets, wherever they stand in the feed', () => {
    const earlier = { ...update('u10', 10), status: 'suspended' as const, previousStatus: 'in_force' as const };
    const withStatus = applied(
      applyChange(loaded(), { seq: 11, kind: 'update.posted', treaty: treaty('inf', 'suspended', 2), update: earlier }, 1),
    );
    const backdated = {
      ...update('u12', 12),
      occurredAt: '2026-11-23T00:00:00.000Z',
      status: 'suspended' as const,
      previousStatus: 'in_force' as const,
    };
    const state = applied(
      applyChange(
        withStatus,
        { seq: 12, kind: 'update.posted', treaty: treaty('inf', 'suspended', 3), update: backdated, revised: [update('u10', 10)] },
        2,
      ),
    );
    expect(state.updates.map((u) => [u.id, u.status])).toEqual([
      ['u12', 'suspended'],
      ['u10', undefined],
    ]);
  });

  it('counts a new update on its day and stops counting it once retracted', () => {
    const posted = applied(
      applyChange(loaded(), { seq: 11, kind: 'update.posted', treaty: treaty('inf', 'in_force', 2), update: update('u11', 11) }, 1),
    );
    expect(posted.activity).toEqual([
      { date: '2026-11-23', count: 0, byTreaty: {} },
      { date: '2026-11-24', count: 2, byTreaty: { inf: 2 } },
    ]);
    const other = applied(
      applyChange(posted, { seq: 12, kind: 'update.posted', treaty: treaty('npt', 'in_force', 2), update: update('u12', 12, 'npt') }, 2),
    );
    expect(other.activity[1]).toEqual({ date: '2026-11-24', count: 3, byTreaty: { inf: 2, npt: 1 } });
    const retracted = { ...update('u12', 12, 'npt'), retractedAt: '2026-11-24T02:00:00.000Z', retractionReason: 'wrong' };
    const state = applied(
      applyChange(other, { seq: 13, kind: 'update.retracted', treaty: treaty('npt', 'in_force', 3), update: retracted }, 3),
    );
    expect(state.activity[1]).toEqual({ date: '2026-11-24', count: 2, byTreaty: { inf: 2 } });
    const oddName = applied(
      applyChange(
        state,
        { seq: 14, kind: 'update.posted', treaty: treaty('constructor', 'in_force', 1), update: update('u14', 14, 'constructor') },
        4,
      ),
    );
    expect(oddName.activity[1]).toEqual({ date: '2026-11-24', count: 3, byTreaty: { inf: 2, constructor: 1 } });
  });

  it('keeps the feed and its arrival times bounded however long it runs', () => {
    let state = loaded();
    for (let seq = 11; seq < 11 + FEED_LIMIT * 3; seq++) {
      state = applied(
        applyChange(
          state,
          { seq, kind: 'update.posted', treaty: treaty('npt', 'in_force', seq), update: update(`u${seq}`, seq, 'npt') },
          seq,
        ),
      );
    }
    expect(state.updates).toHaveLength(FEED_LIMIT);
    expect(Object.keys(state.arrivals)).toHaveLength(FEED_LIMIT);
  });
});
