import { REPLAY_LIMIT, type Change } from '@treaty-watch/shared';
import { BOARD_ROOM, type BoardServer } from './board-server';

/** How long a change waits for an earlier seq that has not been published yet. */
const GAP_WAIT_MS = 2000;

/**
 * The only code that emits changes. It publishes strictly in seq order (two writes may finish
 * out of order) and keeps the last REPLAY_LIMIT changes in memory, so a reconnecting dashboard
 * is replayed synchronously, with no window in which a live change could overtake its replay.
 */
export class Broadcaster {
  private readonly recent: Change[];
  private readonly pending = new Map<number, Change>();
  private gapTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly io: BoardServer,
    private published: number,
    history: readonly Change[],
  ) {
    this.recent = history.slice(-REPLAY_LIMIT);
  }

  /** The highest seq emitted so far. */
  get seq(): number {
    return this.published;
  }

  publish(change: Change): void {
    if (change.seq <= this.published) return;
    this.pending.set(change.seq, change);
    this.drain();
    if (this.pending.size > 0 && !this.gapTimer) {
      this.gapTimer = setTimeout(() => this.skipGap(), GAP_WAIT_MS);
      this.gapTimer.unref();
    }
  }

  /**
   * The changes after `seq`, contiguous, from memory; undefined when memory does not reach back
   * that far or has a hole, in which case the caller sends a snapshot instead.
   */
  since(seq: number): Change[] | undefined {
    if (seq > this.published) return undefined;
    if (seq === this.published) return [];
    const start = this.recent.findIndex((change) => change.seq === seq + 1);
    if (start === -1) return undefined;
    const missed = this.recent.slice(start);
    const contiguous = missed.every((change, i) => change.seq === seq + 1 + i);
    return contiguous ? missed : undefined;
  }

  stop(): void {
    clearTimeout(this.gapTimer);
  }

  private drain(): void {
    let next = this.pending.get(this.published + 1);
    while (next) {
      this.pending.delete(next.seq);
      this.emit(next);
      next = this.pending.get(this.published + 1);
    }
    if (this.pending.size === 0) {
      clearTimeout(this.gapTimer);
      this.gapTimer = undefined;
    }
  }

  /** A seq that never came (its write was not published): move on; clients resync past the hole. */
  private skipGap(): void {
    this.gapTimer = undefined;
    if (this.pending.size === 0) return;
    this.published = Math.min(...this.pending.keys()) - 1;
    this.drain();
  }

  private emit(change: Change): void {
    this.recent.push(change);
    if (this.recent.length > REPLAY_LIMIT) this.recent.shift();
    this.published = change.seq;
    this.io.to(BOARD_ROOM).emit('change', change);
  }
}
