import type { ChildProcess } from 'node:child_process';
import { assertRoomFor, measure, reply, startWorker, stopWorkers } from '../processes';
import type { WorkerStatus } from './dashboards-worker';

export type Status = WorkerStatus;

/** Light dashboards spread over several processes, so their load is not on one thread. */
export class Dashboards {
  private readonly workers: ChildProcess[];

  constructor(
    readonly count: number,
    processes: number,
  ) {
    this.workers = Array.from({ length: processes }, () => startWorker('bench/cluster/dashboards-worker.ts'));
  }

  private share(i: number): number {
    const per = Math.ceil(this.count / this.workers.length);
    return Math.max(0, Math.min(per, this.count - i * per));
  }

  /** Connects them all through `url`, each process from a loopback address of its own (its own ephemeral ports). */
  async connect(url: string): Promise<void> {
    this.workers.forEach((w, i) => assertRoomFor(w.pid ?? 0, this.share(i), `client process ${i + 1}`));
    await Promise.all(
      this.workers.map((w, i) => {
        const ready = reply(w, 'ready');
        w.send({ type: 'start', url, count: this.share(i), localAddress: `127.0.0.${10 + i}` });
        return ready;
      }),
    );
  }

  /** The dashboards' state; with `outages`, every reconnection so far too. */
  async status(outages = false): Promise<Status> {
    const all = await Promise.all(
      this.workers.map((w) => {
        const answer = reply<Status>(w, 'status');
        w.send({ type: 'status', outages });
        return answer;
      }),
    );
    const merge = (pick: (s: Status) => Record<string, number>) => {
      const merged: Record<string, number> = {};
      for (const s of all) for (const [key, n] of Object.entries(pick(s))) merged[key] = (merged[key] ?? 0) + n;
      return merged;
    };
    const connectedOnes = all.filter((s) => s.connected > 0);
    const sum = (pick: (s: Status) => number) => all.reduce((n, s) => n + pick(s), 0);
    return {
      connected: sum((s) => s.connected),
      minSeq: connectedOnes.length ? Math.min(...connectedOnes.map((s) => s.minSeq)) : -1,
      maxSeq: connectedOnes.length ? Math.max(...connectedOnes.map((s) => s.maxSeq)) : -1,
      missed: sum((s) => s.missed),
      doubled: sum((s) => s.doubled),
      resnapshots: sum((s) => s.resnapshots),
      reconnects: sum((s) => s.reconnects),
      upstreams: merge((s) => s.upstreams),
      presence: merge((s) => s.presence),
      failures: merge((s) => s.failures),
      outages: all.flatMap((s) => s.outages),
    };
  }

  /**
   * Polls until `done` holds of a status and of `mark()` as it was just before that status was
   * asked for (the newest seq written, say), or gives up after `timeoutMs`; the last status either
   * way, with the reconnections so far.
   */
  async until(
    done: (s: Status, mark: number) => boolean,
    timeoutMs: number,
    mark: () => number = () => 0,
  ): Promise<{ ok: boolean; status: Status }> {
    const started = Date.now();
    const answer = async (ok: boolean, status: Status) => ({ ok, status: { ...status, outages: (await this.status(true)).outages } });
    for (;;) {
      const marked = mark();
      const status = await this.status();
      if (done(status, marked)) return answer(true, status);
      if (Date.now() - started > timeoutMs) return answer(false, status);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Each dashboard's latency for `seq`, from just before `fire` posts it. */
  latencies(seq: number, fire: () => Promise<void>): Promise<number[]> {
    return measure(this.workers, seq, fire);
  }

  async stop(): Promise<void> {
    await stopWorkers(this.workers);
  }
}
