import { afterAll, describe, expect, it } from 'vitest';
import type { PostUpdateResponse, UpdatesResponse } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { BoardClient } from '../support/board-client';
import { spawnServer, type SpawnedServer } from '../support/spawned-server';
import { tempDir } from '../support/temp-dir';

const data = tempDir('sigterm');
let server: SpawnedServer | undefined;
afterAll(async () => {
  await server?.stop();
  data.remove();
});

describe('SIGTERM', () => {
  it('finishes the writes under way, exits within 10 s, and the dashboards reconnect by themselves', async () => {
    server = await spawnServer(data.dir);
    const dashboard = new BoardClient(server.url, { reconnection: true });
    await dashboard.until(() => dashboard.snapshots.length === 1, 5000, 'the first snapshot');

    const inFlight = Array.from({ length: 20 }, (_, i) =>
      postUpdate<PostUpdateResponse>(server?.url ?? '', 'npt', { headline: `In flight ${i}` }).catch(() => undefined),
    );
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => server?.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const acknowledged = (await Promise.all(inFlight)).filter((r) => r?.status === 201);

    server = await spawnServer(data.dir, server.port);
    const { body } = await request<UpdatesResponse>(`${server.url}/api/updates?after=0&limit=500`);
    for (const ack of acknowledged) expect(body.updates.some((u) => u.id === ack?.body.update.id)).toBe(true);
    await dashboard.until(() => dashboard.socket.connected && dashboard.lastSeq === body.seq, 15_000, 'the dashboard to come back');
    dashboard.close();
  });
});
