import type { DueResult } from '../services/due-result';
import type { Logger } from '../log';

const CHECK_EVERY_MS = 1000;

/** One kind of work the calendar makes due. */
export interface DueJob {
  name: string;
  run(): Promise<DueResult>;
}

/**
 * Runs every job once at start (what fell due while the server was down) and then every second,
 * and logs what they wrote (their writes publish it). A failing job is retried on the next round.
 * `onRound` hears of every round finished, so an operator (or a test) can see the calendar turn.
 */
export function scheduleDueWork(
  jobs: readonly DueJob[],
  { log, onRound }: { log: Logger; onRound: () => void },
): { check(): Promise<void>; stop(): Promise<void>; ready: Promise<void> } {
  let running: Promise<void> | undefined;
  let stopped = false;
  function check(): Promise<void> {
    if (stopped || running) return running ?? Promise.resolve();
    running = round().finally(() => (running = undefined));
    return running;
  }
  async function round(): Promise<void> {
    for (const job of jobs) {
      try {
        const { changes, refused = [] } = await job.run();
        for (const change of changes) log.info({ job: job.name, treaty: change.treaty.id, seq: change.seq }, `${job.name}: ${change.kind}`);
        for (const { id, reason } of refused) log.warn({ job: job.name, id }, `${job.name}: refused, ${reason}`);
      } catch (error) {
        log.warn({ err: error, job: job.name }, `${job.name}: could not run; will try again`);
      }
    }
    onRound();
  }
  const ready = check();
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  timer.unref();
  return {
    ready,
    /** A round that starts now, after any under way: it reads the clock as it is now. */
    async check() {
      await running;
      await check();
    },
    /** Lets a round under way finish, so the store is not closed in the middle of its write. */
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
