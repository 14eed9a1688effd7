import type { Snapshot } from '@treaty-watch/shared';

/**
 * One snapshot per seq, shared by every socket: a reconnect storm after a restart, or one
 * socket asking again and again, reads the board once per change rather than once per
 * request, and a second read never starts while one is under way.
 */
export function snapshotCache(read: () => Promise<Snapshot>, latestSeq: () => number, clock: () => Date = () => new Date()) {
  let cached: Snapshot | undefined;
  let reading: Promise<Snapshot> | undefined;
  return function current(): Promise<Snapshot> {
    const now = clock().toISOString();
    // Same seq, same day: the same board (the activity chart counts by day).
    if (cached && cached.seq >= latestSeq() && cached.serverTime.slice(0, 10) === now.slice(0, 10))
      return Promise.resolve({ ...cached, serverTime: now });
    reading ??= read()
      .then((fresh) => (cached = fresh))
      .finally(() => (reading = undefined));
    return reading;
  };
}
