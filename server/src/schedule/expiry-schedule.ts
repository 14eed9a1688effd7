import type { ExpiryService } from '../services/expiry-service';
import type { Logger } from '../log';
import type { Broadcaster } from '../realtime/broadcaster';

const CHECK_EVERY_MS = 1000;

/** Looks for treaties whose term ran out, once at start and then every second, and broadcasts their expiry. */
export function scheduleExpiries(expiries: ExpiryService, broadcaster: Broadcaster, log: Logger): { stop(): void; ready: Promise<void> } {
  let running = false;
  async function check(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (const change of await expiries.expireDue()) {
        log.info({ treaty: change.treaty.id, seq: change.seq }, 'treaty expired at the end of its term');
        broadcaster.publish(change);
      }
    } catch (error) {
      log.warn({ err: error }, 'could not check for expired treaties; will try again');
    } finally {
      running = false;
    }
  }
  const ready = check();
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), ready };
}
