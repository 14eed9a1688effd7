import { REPLAY_LIMIT, type Change, type Snapshot } from '@treaty-watch/shared';
import { BOARD_ROOM, type BoardServer, type BoardSocket } from './board-server';
import { flushed } from './engine-connection';

/** How long a change waits for an earlier seq before that seq is fetched from the store. */
const GAP_WAIT_MS = 1000;
/** Changes a replay sends before it waits for the socket to take them. */
const REPLAY_CHUNK = 50;

export interface BroadcasterOptions {
  /** Tells the other server processes about a change written here (with Redis). */
  forward?: (change: Change) => void;
  /** Reads changes after a seq from the store, to fill a gap no message filled. */
  fill: (afterSeq: number) => Promise<Change[]>;
  /**
   * The store's latest seq. With several processes, given this, the broadcaster also looks at
   * the store now and then: other processes' changes come over Redis pub/sub, and one lost in a
   * blip would otherwise wait for the next change to show its gap.
   */
  latestSeq?: () => Promise<number>;
  /** How often to look; two seconds unless a test says otherwise. */
  storeCheckMs?: number;
  /**
   * A change found in the store that no message brought (another process's, its relay lost):
   * what follows changes (caches, webhooks, metrics) must hear of it as of any relayed one.
   */
  recovered?: (change: Change) => void;
}

/**
 * The only code that sends board state: live changes, replays and snapshots. It emits changes
 * to this process's sockets strictly in seq order (writes here and in other processes finish in
 * any order), and keeps the last REPLAY_LIMIT changes in memory, so a reconnecting dashboard is
 * replayed from memory, never from the database.
 */
export class Broadcaster {
  private readonly recent: Change[];
  private readonly pending = new Map<number, Change>();
  private gapTimer: NodeJS.Timeout | undefined;
  private readonly storeTimer: NodeJS.Timeout | undefined;
  private checking = false;
  private readonly listeners = new Set<(change: Change) => void>();

  constructor(
    private readonly io: BoardServer,
    private published: number,
    history: readonly Change[],
    private readonly options: BroadcasterOptions,
  ) {
    this.recent = history.slice(-REPLAY_LIMIT);
    const { latestSeq } = options;
    if (latestSeq) {
      this.storeTimer = setInterval(() => void this.checkStore(latestSeq), options.storeCheckMs ?? 2000);
      this.storeTimer.unref();
    }
  }

  /** The highest seq emitted so far. */
  get seq(): number {
    return this.published;
  }

  /** A change committed in this process (from the domain event bus): emitted here and forwarded to the others. */
  publish(change: Change): void {
    this.options.forward?.(change);
    this.receive(change);
  }

  /** A change from any process, emitted here in seq order. */
  receive(change: Change): void {
    if (change.seq <= this.published) return;
    this.pending.set(change.seq, change);
    this.drain();
    if (this.pending.size > 0 && !this.gapTimer) {
      this.gapTimer = setTimeout(() => void this.fillGap(), GAP_WAIT_MS);
      this.gapTimer.unref();
    }
  }

  /**
   * The changes after `seq`, contiguous, from memory, at most `limit` of them; undefined when
   * memory does not reach back that far or has a hole, in which case the caller sends a
   * snapshot instead.
   */
  since(seq: number, limit = REPLAY_LIMIT): Change[] | undefined {
    if (seq > this.published) return undefined;
    if (seq === this.published) return [];
    const start = this.recent.findIndex((change) => change.seq === seq + 1);
    if (start === -1) return undefined;
    const missed = this.recent.slice(start, start + limit);
    const contiguous = missed.every((change, i) => change.seq === seq + 1 + i);
    return contiguous ? missed : undefined;
  }

  /**
   * Brings one socket up to date from memory, the changes after `seq` in order, then lets it
   * into the live room. They go out in chunks, each once the socket has taken the last, so a
   * replay holds a chunk or two of memory, not a thousand changes per request. Memory is read
   * again before every chunk, so what was published meanwhile is replayed too, and the socket
   * joins in the same turn as it finds nothing left: no live change overtakes the replay or
   * slips past it. False when memory does not reach back that far (from the start, or because
   * the socket read more slowly than changes came); the caller sends a snapshot then.
   */
  async replayTo(socket: BoardSocket, seq: number): Promise<boolean> {
    for (let cursor = seq; ;) {
      const missed = this.since(cursor, REPLAY_CHUNK);
      if (!missed) return false;
      const last = missed.at(-1);
      if (!last) {
        void socket.join(BOARD_ROOM);
        return true;
      }
      for (const change of missed) socket.emit('change', change);
      cursor = last.seq;
      await flushed(socket);
      if (socket.disconnected) return true;
    }
  }

  /**
   * Sends one socket a snapshot, then the changes published since it was read, then lets it
   * into the live room. False when the socket took so long to read the snapshot that those
   * changes left memory; the caller sends a newer snapshot.
   */
  async snapshotTo(socket: BoardSocket, snapshot: Snapshot): Promise<boolean> {
    socket.emit('snapshot', snapshot);
    await flushed(socket);
    if (socket.disconnected) return true;
    // The client drops any change it already holds by seq.
    return this.replayTo(socket, Math.min(snapshot.seq, this.published));
  }

  /**
   * Hears every change as it is emitted to the sockets, in the same seq order and without gaps:
   * other transports (the event stream) follow this order rather than keep one of their own.
   */
  onChange(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    clearTimeout(this.gapTimer);
    clearInterval(this.storeTimer);
  }

  private async checkStore(latestSeq: () => Promise<number>): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      if ((await latestSeq()) <= this.published) return;
      const found = (await this.options.fill(this.published)).filter((change) => change.seq > this.published);
      for (const change of found) this.receive(change);
      for (const change of found) this.options.recovered?.(change);
    } catch {
      // The store does not answer: the next look tries again.
    } finally {
      this.checking = false;
    }
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

  /**
   * A seq that never arrived (its process died before telling us, or the message was lost):
   * the store has it. Should the store not have it either, move on; clients resync past it.
   */
  private async fillGap(): Promise<void> {
    this.gapTimer = undefined;
    if (this.pending.size === 0) return;
    const missing = (await this.options.fill(this.published).catch(() => [])).filter(
      (change) => change.seq > this.published && !this.pending.has(change.seq),
    );
    for (const change of missing) this.pending.set(change.seq, change);
    this.drain();
    for (const change of missing) this.options.recovered?.(change);
    if (this.pending.size > 0) {
      this.published = Math.min(...this.pending.keys()) - 1;
      this.drain();
    }
  }

  private emit(change: Change): void {
    this.recent.push(change);
    if (this.recent.length > REPLAY_LIMIT) this.recent.shift();
    this.published = change.seq;
    // Local sockets only: every process emits to its own, in its own seq order.
    this.io.local.to(BOARD_ROOM).emit('change', change);
    for (const listener of this.listeners) listener(change);
  }
}
