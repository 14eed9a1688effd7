import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { changeSchema, snapshotSchema, type PostUpdateResponse } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { BoardClient } from '../support/board-client';
import { ADMIN_TOKEN, startServer, type TestServer } from '../support/in-process-server';

let server: TestServer;
const clients: BoardClient[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});
afterAll(() => server.close());

const missingOf = (treaty: { partySummary?: { groups: { missing: string[] }[] } } | undefined) => treaty?.partySummary?.groups[0]?.missing;

describe('party moves on the realtime channel', () => {
  it('carries the CTBT summary in the snapshot, and Egypt’s ratification and its retraction in changes', async () => {
    const dashboard = new BoardClient(server.url);
    clients.push(dashboard);
    await dashboard.until(() => dashboard.snapshots.length === 1);
    const snapshot = snapshotSchema.parse(dashboard.snapshots[0]);
    expect(missingOf(snapshot.treaties.find((t) => t.id === 'ctbt'))).toHaveLength(9);

    const posted = await postUpdate<PostUpdateResponse>(server.url, 'ctbt', { headline: 'Egypt ratifies the CTBT', party: { code: 'EG', action: 'ratified' } });
    expect(posted.status).toBe(201);
    await dashboard.until(() => dashboard.changes.length === 1);
    const moved = changeSchema.parse(dashboard.changes[0]);
    expect(moved.update?.party).toEqual({ code: 'EG', action: 'ratified' });
    expect(missingOf(moved.treaty)).toHaveLength(8);
    expect(missingOf(moved.treaty)).not.toContain('EG');

    await request(`${server.url}/api/updates/${posted.body.update.id}/retract`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ reason: 'Not deposited' }),
    });
    await dashboard.until(() => dashboard.changes.length === 2);
    expect(missingOf(changeSchema.parse(dashboard.changes[1]).treaty)).toContain('EG');
  });
});
