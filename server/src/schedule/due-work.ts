import type { DueResult } from '../services/due-result';
import type { Logger } from '../log';
import type { Broadcaster } from '../realtime/broadcaster';

const CHECK_EVERY_MS = 1000;

/** One kind of work the calendar makes due. */
export interface DueJob {
  name: string;
  run(): Promise<DueResult>;
}

/**
 * Runs every job once at start (what fell due while the server was down) and then every second,
 * and broadcasts what they wrote. A failing job is retried on the next round.
 */
export function scheduleDueWork(jobs: readonly DueJob[], broadcaster: Broadcaster, log: Logger): { stop(): void; ready: Promise<void> } {
  let running = false;
  async function check(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (const job of jobs) {
        try {
          const { changes, refused = [] } = await job.run();
          for (const change of changes) {
            log.info({ job: job.name, treaty: change.treaty.id, seq: change.seq }, `${job.name}: ${change.kind}`);
            broadcaster.publish(change);
          }
          for (const { id, reason } of refused) log.warn({ job: job.name, id }, `${job.name}: refused, ${reason}`);
        } catch (error) {
          log.warn({ err: error, job: job.name }, `${job.name}: could not run; will try again`);
        }
      }
    } finally {
      running = false;
    }
  }
  const ready = check();
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), ready };
}
