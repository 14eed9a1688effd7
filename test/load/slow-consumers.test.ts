import fs from 'node:fs';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreatiesResponse } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { BoardClient } from '../support/board-client';
import { metricOf } from '../support/metrics';
import { spawnServer, type SpawnedServer } from '../support/spawned-server';
import { tempDir } from '../support/temp-dir';

const SLOW = 30;
const CHANGES = 3000;
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

/** A dashboard that connects, then stops reading: its TCP socket is paused, as a frozen tab's would be. */
function stalledDashboard(url: string, lastSeq: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
    ws.on('error', reject);
    ws.on('message', (data) => {
      // ws hands a text frame over as one Buffer (binaryType 'nodebuffer', its default).
      const frame = (data as Buffer).toString();
      if (frame.startsWith('0{')) ws.send(`40${JSON.stringify({ lastSeq, client: 'viewer' })}`);
      if (frame.startsWith('40')) {
        // ws has no public "stop reading"; its underlying net.Socket does.
        (ws as unknown as { _socket: { pause(): void } })._socket.pause();
        resolve(ws);
      }
    });
  });
}

describe('dashboards that stop reading', () => {
  const data = tempDir('slow');
  let server: SpawnedServer;
  const stalled: WebSocket[] = [];
  beforeAll(async () => {
    server = await spawnServer(data.dir);
  });
  afterAll(async () => {
    for (const ws of stalled) ws.terminate();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset if beforeAll failed before assigning it
    await server?.stop();
    data.remove();
  });

  it('are cut loose before they grow the server without bound, and do not hold up the others', { timeout: 120_000 }, async () => {
    const { body } = await request<TreatiesResponse>(`${server.url}/api/treaties`);
    for (let i = 0; i < SLOW; i++) stalled.push(await stalledDashboard(server.url, body.seq));
    const fast = new BoardClient(server.url, { lastSeq: body.seq });
    await fast.until(() => fast.socket.connected);
    const pid = server.child.pid ?? 0;
    const before = rssMb(pid);

    const text = 'x'.repeat(4800);
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < CHANGES) {
          const i = next++;
          await postUpdate(server.url, 'npt', { headline: `Flood ${i}`, body: text });
        }
      }),
    );
    const posted = Date.now() - started;
    await fast.until(() => fast.changes.length === CHANGES, 20_000, 'every change at the reading dashboard');
    const caughtUp = Date.now() - started;
    const seqs = fast.changes.map((c) => c.seq);
    expect(seqs).toEqual(seqs.map((_, i) => body.seq + 1 + i));

    let dropped = 0;
    for (let i = 0; i < 50 && dropped < SLOW; i++) {
      await new Promise((r) => setTimeout(r, 200));
      dropped = await metricOf(server.url, 'treaty_watch_slow_consumers_dropped_total');
    }
    const after = rssMb(pid);
    fast.close();
    process.stdout.write(
      `slow consumers: posted ${CHANGES} in ${posted} ms, reader caught up at ${caughtUp} ms, dropped ${dropped}/${SLOW}, server RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB\n`,
    );

    expect(dropped).toBe(SLOW);
    // Unbounded, each stalled dashboard would hold ~15 MB of changes (30 of them: ~450 MB);
    // cut loose at 2 MB each, the growth measured here is 120–130 MB, most of it heap that
    // the 3,000 posts themselves leave behind.
    expect(after - before).toBeLessThan(250);
    expect(caughtUp - posted).toBeLessThan(5000);
  });
});
