import fs from 'node:fs';
import { fork } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLAY_LIMIT, type PostUpdateResponse, type TreatiesResponse } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { BoardClient } from '../support/board-client';
import { seriesValue } from '../support/metrics';
import { repoRoot } from '../support/paths';
import { spawnServer, type SpawnedServer } from '../support/spawned-server';
import { tempDir } from '../support/temp-dir';

const RESYNCS = 2000;
/** Each change carries its update whole: a full replay of the window is a few megabytes. */
const BODY = 'x'.repeat(2000);
/**
 * Growth of the server's RSS over its level before the flood. Unbounded, each of the 2,000
 * requests queued a full replay (about 3 MB here) or a snapshot: gigabytes. Bounded, one
 * socket holds a chunk or two of one catch-up at a time.
 */
const RSS_BOUND_MB = 100;
const HEALTHZ_BOUND_MS = 100;
/** CPU time the process has used, in ms (utime + stime, at the kernel's 100 ticks a second). */
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

describe('a socket that floods resync requests', () => {
  const data = tempDir('resync-flood');
  let server: SpawnedServer;
  beforeAll(async () => {
    server = await spawnServer(data.dir);
    // A full replay window, so every lastSeq request asks for the most a replay can send.
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < REPLAY_LIMIT + 50) {
          next += 1;
          await postUpdate(server.url, 'npt', { headline: `Filler ${next}`, body: BODY });
        }
      }),
    );
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset if beforeAll failed before assigning it
    await server?.stop();
    data.remove();
  });

  it('does not stall the server, grow it without bound, or hold up a dashboard beside it', { timeout: 120_000 }, async () => {
    const { body } = await request<TreatiesResponse>(`${server.url}/api/treaties`);
    const dashboard = new BoardClient(server.url, { lastSeq: body.seq });
    await dashboard.until(() => dashboard.socket.connected);
    const pid = server.child.pid ?? 0;
    const before = rssMb(pid);

    const flooder = fork(path.join(repoRoot, 'test/support/resync-flooder.ts'), [server.url, String(body.seq), String(RESYNCS)], {
      execArgv: ['--import', 'tsx'],
    });
    const told = (type: string) =>
      new Promise<void>((resolve) => flooder.on('message', (m: { type: string }) => m.type === type && resolve()));
    const [connected, flooded, dropped] = [told('connected'), told('flooded'), told('dropped')];
    await connected;

    const healthzMs = async () => {
      const started = performance.now();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      return performance.now() - started;
    };
    // The same pooled connection and a warm route, so the figures below are the flood's alone.
    const quiet: number[] = [];
    for (let i = 0; i < 10; i++) quiet.push(await healthzMs());

    let flooding = true;
    const healthz: number[] = [];
    let peakRss = before;
    const watch = (async () => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `flooding` is cleared by another callback, which narrowing cannot see
      while (flooding) {
        healthz.push(await healthzMs());
        peakRss = Math.max(peakRss, rssMb(pid));
      }
    })();

    // Reading /metrics starts its event-loop lag figures afresh: what it says next is the flood's.
    await fetch(`${server.url}/metrics`);
    const cpuBefore = cpuMs(pid);
    flooder.send('go');
    await flooded;
    const live: number[] = [];
    for (let i = 0; i < 20; i++)
      live.push((await postUpdate<PostUpdateResponse>(server.url, 'inf', { headline: `Live ${i}`, body: BODY })).body.update.seq);
    await dropped;
    const floodCpu = cpuMs(pid) - cpuBefore;
    await dashboard.until(() => dashboard.changes.length === live.length, 10_000, 'every live change at the dashboard');
    flooding = false;
    await watch;
    const after = rssMb(pid);

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const lagMs = seriesValue(metrics, 'nodejs_eventloop_lag_max_seconds') * 1000;
    const floodsDropped = seriesValue(metrics, 'treaty_watch_resync_floods_dropped_total');
    const refused = seriesValue(metrics, 'treaty_watch_resyncs_refused_total{reason="rate"}');
    const sorted = [...healthz].sort((a, b) => a - b);
    const worst = sorted.at(-1) ?? 0;
    process.stdout.write(
      `resync flood: /healthz before it worst ${Math.max(...quiet).toFixed(1)} ms; ${RESYNCS} resyncs, /healthz polled ${healthz.length} times, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, worst ${worst.toFixed(1)} ms; ` +
        `server event-loop lag at most ${lagMs.toFixed(0)} ms, CPU ${floodCpu} ms until the flooder was dropped; server RSS ${before.toFixed(0)} → peak ${peakRss.toFixed(0)} → ${after.toFixed(0)} MB; refused ${refused}, flooders dropped ${floodsDropped}\n`,
    );
    dashboard.close();
    flooder.kill();

    expect(dashboard.changes.map((c) => c.seq)).toEqual(live);
    expect(floodsDropped).toBe(1);
    expect(refused).toBeGreaterThan(0);
    expect(healthz.length).toBeGreaterThan(10);
    expect(worst).toBeLessThan(HEALTHZ_BOUND_MS);
    expect(peakRss - before).toBeLessThan(RSS_BOUND_MB);
  });
});
