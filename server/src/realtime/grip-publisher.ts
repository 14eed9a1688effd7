import type { Change } from '@treaty-watch/shared';
import type { Logger } from '../log';
import type { Broadcaster } from './broadcaster';
import { ALL_CHANGES, treatyChannel } from './grip-hold';
import { changeFrame } from './stream-frames';

const PUBLISH_TIMEOUT_MS = 5000;
/** Changes waiting for Pushpin beyond this are dropped, oldest first: its readers resync by Last-Event-ID. */
const MAX_WAITING = 10_000;

/**
 * Publishes every change the broadcaster emits to Pushpin (GRIP's HTTP publish API), once, in seq
 * order: one request at a time, each carrying what came while the last was under way, so a slow
 * Pushpin costs one request per round trip, not one per change.
 */
export function publishToGrip(broadcaster: Broadcaster, proxyUrl: string, log: Logger): { stop(): Promise<void> } {
  let waiting: Change[] = [];
  let sending: Promise<void> | undefined;

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
      next();
    });
  };

  const unsubscribe = broadcaster.onChange((change) => {
    waiting.push(change);
    if (waiting.length > MAX_WAITING) waiting.shift();
    next();
  });

  return {
    async stop() {
      unsubscribe();
      while (sending) await sending;
    },
  };
}
