import { io, type Socket } from 'socket.io-client';
import { RECONNECT_OPTIONS, type ClientKind, type ClientToServerEvents, type Presence, type ServerToClientEvents } from '@treaty-watch/shared';
import { applyChange, applySnapshot, emptyBoard, type BoardState } from './board-state';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface BoardView {
  board: BoardState;
  connection: { status: ConnectionStatus; since: number };
  presence: Presence | undefined;
}

/** After this long without hearing from the server, the board says it is stale. */
const OFFLINE_AFTER_MS = 10_000;
const RENDER_EVERY_MS = 16;
/** The server pings every 5 s, so 10 s of silence means the line is dead even if no error said so. */
const WATCH_EVERY_MS = 1000;

/**
 * The live board as the server pushes it: one Socket.IO connection that resumes from the last
 * seq it applied, asks for a resync on a gap, and exposes an immutable view for React.
 */
export class BoardConnection {
  private view: BoardView = { board: emptyBoard, connection: { status: 'connecting', since: Date.now() }, presence: undefined };
  private readonly listeners = new Set<() => void>();
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;
  private lastContact = Date.now();

  constructor(options: { client?: ClientKind; name?: string; reloadOnNewBuild?: boolean } = {}) {
    const { client = 'viewer', name, reloadOnNewBuild = false } = options;
    this.socket = io({
      path: '/socket.io',
      ...RECONNECT_OPTIONS,
      auth: (cb) => cb({ client, ...(name ? { name } : {}), ...(this.view.board.seq !== undefined ? { lastSeq: this.view.board.seq } : {}) }),
    });
    this.socket.on('connect', () => {
      this.lastContact = Date.now();
      this.setStatus('live');
    });
    this.socket.on('disconnect', () => this.down());
    this.socket.on('connect_error', () => this.down());
    // A screen left on for weeks picks up a new deploy by itself.
    let build: string | undefined;
    this.socket.on('welcome', ({ buildId }) => {
      if (reloadOnNewBuild && build !== undefined && buildId !== build) window.location.reload();
      build = buildId;
    });
    this.socket.on('snapshot', (snapshot) => this.update({ board: applySnapshot(this.view.board, snapshot) }));
    this.socket.on('change', (change) => {
      const result = applyChange(this.view.board, change, Date.now());
      if (result.kind === 'applied') this.update({ board: result.state });
      if (result.kind === 'gap') this.socket.emit('resync', this.view.board.seq !== undefined ? { lastSeq: this.view.board.seq } : {});
    });
    this.socket.on('presence', (presence) => this.update({ presence }));
    this.socket.onAny(() => this.contact());
    this.socket.io.on('ping', () => this.contact());
    setInterval(() => {
      if (this.view.connection.status === 'live' && Date.now() - this.lastContact > OFFLINE_AFTER_MS) this.setStatus('offline', this.lastContact);
    }, WATCH_EVERY_MS);
  }

  private contact(): void {
    this.lastContact = Date.now();
    if (this.view.connection.status === 'offline' && this.socket.connected) this.setStatus('live');
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): BoardView => this.view;

  private down(): void {
    if (this.view.connection.status === 'live' || this.view.connection.status === 'connecting') this.setStatus('reconnecting');
    this.offlineTimer ??= setTimeout(() => {
      if (!this.socket.connected) this.setStatus('offline', this.view.connection.since);
    }, OFFLINE_AFTER_MS);
  }

  private setStatus(status: ConnectionStatus, since = Date.now()): void {
    if (status === 'live') {
      clearTimeout(this.offlineTimer);
      this.offlineTimer = undefined;
    }
    if (this.view.connection.status !== status) this.update({ connection: { status, since } });
  }

  private notifyScheduled = false;

  /**
   * State changes at once; React hears about it at most every RENDER_EVERY_MS. A burst of a
   * thousand changes then costs a few renders, not a thousand. A timer rather than animation
   * frames: a tab that is not in front gets no frames, and its status must still change.
   */
  private update(part: Partial<BoardView>): void {
    this.view = { ...this.view, ...part };
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    const notify = () => {
      this.notifyScheduled = false;
      this.listeners.forEach((listener) => listener());
    };
    setTimeout(notify, RENDER_EVERY_MS);
  }
}
