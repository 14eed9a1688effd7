import { describe, expect, it } from 'vitest';
import { changeSchema, snapshotSchema, type PostUpdateResponse } from '@treaty-watch/shared';
import { useServer } from '../support/use-server';

const board = useServer();

const missingOf = (treaty: { partySummary?: { groups: { missing: string[] }[] } } | undefined) => treaty?.partySummary?.groups[0]?.missing;

describe('party moves on the realtime channel', () => {
  it('carries the CTBT summary in the snapshot, and Egypt’s ratification and its retraction in changes', async () => {
    const dashboard = board.connect();
    await dashboard.until(() => dashboard.snapshots.length === 1);
    const snapshot = snapshotSchema.parse(dashboard.snapshots[0]);
    expect(missingOf(snapshot.treaties.find((t) => t.id === 'ctbt'))).toHaveLength(9);

    const posted = await board.api.postUpdate<PostUpdateResponse>('ctbt', {
      headline: 'Egypt ratifies the CTBT',
      party: { code: 'EG', action: 'ratified' },
    });
    expect(posted.status).toBe(201);
    await dashboard.until(() => dashboard.changes.length === 1);
    const moved = changeSchema.parse(dashboard.changes[0]);
    expect(moved.update?.party).toEqual({ code: 'EG', action: 'ratified' });
    expect(missingOf(moved.treaty)).toHaveLength(8);
    expect(missingOf(moved.treaty)).not.toContain('EG');

    expect((await board.api.post(`/api/updates/${posted.body.update.id}/retract`, { reason: 'Not deposited' })).status).toBe(200);
    await dashboard.until(() => dashboard.changes.length === 2);
    expect(missingOf(changeSchema.parse(dashboard.changes[1]).treaty)).toContain('EG');
  });
});
