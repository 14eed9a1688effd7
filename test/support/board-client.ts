import { io, type Socket } from 'socket.io-client';
import type { Change, ClientKind, ClientToServerEvents, Presence, ServerToClientEvents, Snapshot } from '@treaty-watch/shared';

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Enough to see a reconnection through, few enough for one error message. */
const CONNECTION_EVENTS_KEPT = 20;

/**
 * A dashboard as the server sees it: a real Socket.IO client that records what arrives and
 * tracks its seq the way the real client does (snapshot resets it, changes advance it).
 */
export class BoardClient {
  readonly socket: BoardSocket;
  readonly snapshots: Snapshot[] = [];
  readonly changes: Change[] = [];
  readonly presence: Presence[] = [];
  lastSeq: number | undefined;
  /** What the connection went through, for a timeout to tell: a test that failed on CI cannot be asked again. */
  private readonly connection: string[] = [];

  constructor(url: string, options: { lastSeq?: number; client?: ClientKind; reconnection?: boolean } = {}) {
    this.lastSeq = options.lastSeq;
    this.socket = io(url, {
      transports: ['websocket'],
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      forceNew: true,
      auth: (cb) => cb({ ...(this.lastSeq !== undefined ? { lastSeq: this.lastSeq } : {}), client: options.client ?? 'viewer' }),
    });
    const started = Date.now();
    const note = (what: string) => {
      this.connection.push(`${Date.now() - started} ms ${what}`);
      if (this.connection.length > CONNECTION_EVENTS_KEPT) this.connection.shift();
    };
    this.socket.on('snapshot', (snapshot) => {
      this.snapshots.push(snapshot);
      this.lastSeq = snapshot.seq;
      note(`snapshot at seq ${snapshot.seq}`);
    });
    this.socket.on('change', (change) => {
      this.changes.push(change);
      if (this.lastSeq === undefined || change.seq > this.lastSeq) this.lastSeq = change.seq;
    });
    this.socket.on('presence', (presence) => this.presence.push(presence));
    this.socket.on('connect', () => note(`connected, at seq ${this.lastSeq}`));
    this.socket.on('disconnect', (reason) => note(`disconnected (${reason}), at seq ${this.lastSeq}`));
    this.socket.on('connect_error', (error) => note(`could not connect (${error.message})`));
    this.socket.io.on('reconnect_attempt', (attempt) => note(`attempt ${attempt}`));
  }

  /** Resolves once `predicate` holds, checking after every event; rejects after `timeoutMs`. */
  until(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    return new Promise((resolve, reject) => {
      const evaluate = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.socket.offAny(check);
        resolve();
      };
      // onAny listeners run before the event's own handlers, so look once those have run.
      const check = () => queueMicrotask(evaluate);
      const timer = setTimeout(() => {
        this.socket.offAny(check);
        const state = `at seq ${this.lastSeq}, ${this.socket.connected ? 'connected' : 'not connected'}`;
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${state}; ${this.connection.join('; ')})`));
      }, timeoutMs);
      this.socket.onAny(check);
      evaluate();
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}
