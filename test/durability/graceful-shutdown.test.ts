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

    // Eight writers posting without pause, so writes are under way at the moment of SIGTERM.
    const url = server.url;
    let stopping = false;
    const answered: { sentAt: number; answeredAt: number; response: Awaited<ReturnType<typeof postUpdate<PostUpdateResponse>>> }[] = [];
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !stopping; i++) {
        const sentAt = Date.now();
        const response = await postUpdate<PostUpdateResponse>(url, 'npt', { headline: `In flight ${w}.${i}` }).catch(() => undefined);
        if (!response) return;
        answered.push({ sentAt, answeredAt: Date.now(), response });
      }
    });
    // Writes are flowing once eight are answered; the writers post again at once, so some are mid-request at SIGTERM.
    await expect.poll(() => answered.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(8);
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => server?.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    stopping = true;
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    await Promise.all(writers);
    const acknowledged = answered.filter((a) => a.response.status === 201).map((a) => a.response);
    // A write sent before SIGTERM and answered after it was finished, not dropped.
    expect(answered.some((a) => a.sentAt < started && a.answeredAt > started && a.response.status === 201)).toBe(true);

    server = await spawnServer(data.dir, server.port);
    const stored = new Set<string>();
    let seq = 0;
    for (let after = 0; ;) {
      const { body } = await request<UpdatesResponse>(`${server.url}/api/updates?after=${after}&limit=500`);
      seq = body.seq;
      for (const update of body.updates) stored.add(update.id);
      const last = body.updates.at(-1);
      if (!last) break;
      after = last.seq;
    }
    expect(acknowledged.filter((ack) => !stored.has(ack.body.update.id))).toEqual([]);
    await dashboard.until(() => dashboard.socket.connected && dashboard.lastSeq === seq, 15_000, 'the dashboard to come back');
    dashboard.close();
  });
});
