import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths';

export interface StormStatus {
  connected: number;
  minSeq: number;
  reconnectedAt: number[];
}

/** Dashboards spread over several processes, so the load generator is not the bottleneck. */
export class Storm {
  private readonly workers: ChildProcess[];

  constructor(url: string, dashboards: number, processes: number) {
    this.workers = Array.from({ length: processes }, () =>
      fork(path.join(repoRoot, 'test/support/storm-worker.ts'), { execArgv: ['--import', 'tsx'] }),
    );
    const per = Math.ceil(dashboards / processes);
    this.workers.forEach((w, i) => w.send({ type: 'start', url, count: Math.min(per, dashboards - i * per) }));
  }

  async status(): Promise<StormStatus> {
    const all = await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<StormStatus>((resolve) => {
            w.once('message', (m: StormStatus) => resolve(m));
            w.send({ type: 'status' });
          }),
      ),
    );
    return {
      connected: all.reduce((n, s) => n + s.connected, 0),
      minSeq: Math.min(...all.map((s) => s.minSeq)),
      reconnectedAt: all.flatMap((s) => s.reconnectedAt),
    };
  }

  /** Polls until every dashboard is connected at `seq` or later, or throws after `timeoutMs`. */
  async allAt(seq: number, dashboards: number, timeoutMs: number): Promise<void> {
    const started = Date.now();
    for (;;) {
      const s = await this.status();
      if (s.connected === dashboards && s.minSeq >= seq) return;
      if (Date.now() - started > timeoutMs)
        throw new Error(`after ${timeoutMs} ms: ${s.connected}/${dashboards} connected, lowest seq ${s.minSeq} (want ${seq})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise((resolve) => {
            w.once('exit', resolve);
            w.send({ type: 'stop' });
          }),
      ),
    );
  }
}
