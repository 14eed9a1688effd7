import type { Change } from '@treaty-watch/shared';
import type { Logger } from '../log';
import type { Broadcaster } from './broadcaster';
import { ALL_CHANGES, treatyChannel } from './grip-hold';
import { changeFrame } from './stream-frames';

const PUBLISH_TIMEOUT_MS = 5000;
/** The longest a reader's opening waits for Pushpin to have been given its seq; then it is answered anyway. */
const HANDED_WAIT_MS = 2000;
/** Changes waiting for Pushpin beyond this are dropped, oldest first: its readers resync by Last-Event-ID. */
const MAX_WAITING = 10_000;

export interface GripPublisher {
  /**
   * Resolves once Pushpin has been given every change up to `seq` (or after a short wait). A reader
   * held at a seq Pushpin has not seen yet takes the next change as one it missed and goes back to
   * this process for it, again and again while changes keep coming; Pushpin fetches at most ten
   * such links a second, so under a run of changes its readers starve.
   */
  handed: (seq: number) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Publishes every change the broadcaster emits to Pushpin (GRIP's HTTP publish API), once, in seq
 * order: one request at a time, each carrying what came while the last was under way, so a slow
 * Pushpin costs one request per round trip, not one per change.
 */
export function publishToGrip(broadcaster: Broadcaster, proxyUrl: string, log: Logger): GripPublisher {
  let waiting: Change[] = [];
  let sending: Promise<void> | undefined;
  // What came before this process started publishing is not this process's to give.
  let handedSeq = broadcaster.seq;
  const handedWaiters = new Set<{ seq: number; resolve: () => void }>();

  const handedUpTo = (seq: number): void => {
    handedSeq = Math.max(handedSeq, seq);
    for (const waiter of handedWaiters) if (waiter.seq <= handedSeq) waiter.resolve();
  };

  const send = async (batch: Change[]): Promise<void> => {
    // Seqs follow each other without a gap (the broadcaster's order); the meta is what require-sub reads.
    const items = batch.map((change) => ({
      channel: ALL_CHANGES,
      id: String(change.seq),
      'prev-id': String(change.seq - 1),
      meta: { require_sub: treatyChannel(change.treaty.id) },
      formats: { 'http-stream': { content: changeFrame(change) } },
    }));
    try {
      const response = await fetch(`${proxyUrl}/publish/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items }),
        signal: AbortSignal.timeout(PUBLISH_TIMEOUT_MS),
      });
      if (!response.ok) log.warn({ status: response.status, seq: batch.at(-1)?.seq }, 'the GRIP proxy refused published changes');
      await response.body?.cancel();
    } catch (error) {
      log.warn({ err: error, seq: batch.at(-1)?.seq }, 'the GRIP proxy did not take published changes');
    }
  };

  const next = (): void => {
    if (sending || waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    sending = send(batch).finally(() => {
      sending = undefined;
      // Refused or not, it has been tried: its readers recover by their next link if Pushpin lacks it.
      handedUpTo(batch.at(-1)?.seq ?? handedSeq);
      next();
    });
  };

  const unsubscribe = broadcaster.onChange((change) => {
    waiting.push(change);
    if (waiting.length > MAX_WAITING) waiting.shift();
    next();
  });

  return {
    handed: (seq) =>
      seq <= handedSeq
        ? Promise.resolve()
        : new Promise((resolve) => {
            const waiter = {
              seq,
              resolve: () => {
                clearTimeout(timer);
                handedWaiters.delete(waiter);
                resolve();
              },
            };
            const timer = setTimeout(waiter.resolve, HANDED_WAIT_MS);
            handedWaiters.add(waiter);
          }),
    stop: async () => {
      unsubscribe();
      while (sending) await sending;
      for (const waiter of handedWaiters) waiter.resolve();
    },
  };
}
