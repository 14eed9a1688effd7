import { io, type Socket } from 'socket.io-client';
import { RECONNECT_OPTIONS, type ClientKind, type ClientToServerEvents, type ServerToClientEvents } from '@treaty-watch/shared';
import { applyChange, applySnapshot, type BoardState } from './board-state';
import { LiveView, OFFLINE_AFTER_MS, type LiveBoard, type LiveBoardSource } from './live-view';
import { onStalledUpgrade } from './stalled-upgrade';

/** The server pings every 5 s, so 10 s of silence means the line is dead even if no error said so. */
const WATCH_EVERY_MS = 1000;
/** A resync the server ignored (it limits how often a socket may ask) is given up after this. */
const RESYNC_PATIENCE_MS = 10_000;

/**
 * The live board as the server pushes it: one Socket.IO connection that resumes from the last
 * seq it applied, asks for a resync on a gap (one at a time: a burst of out-of-order changes
 * is one gap to close, not one per change), and exposes an immutable view for React.
 */
export class BoardConnection implements LiveBoardSource {
  private readonly live: LiveView;
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly watchdog: ReturnType<typeof setInterval>;
  private lastContact = Date.now();
  private resyncing = false;
  /** What this page is, and what its last handshake told the server (presence counts by it). */
  private client: ClientKind;
  private announced: ClientKind;
  private reannounceScheduled = false;
  private closed = false;

  /**
   * `url` for a server on another origin (tests); the page's own otherwise. `restored` is a board
   * kept from an earlier start, shown stale until the server confirms it, and resumed from its
   * seq; `buildId` the build this page runs, when it knows (a screen started from its offline copy).
   */
  constructor(
    options: {
      client?: ClientKind;
      name?: string;
      reloadOnNewBuild?: boolean;
      url?: string;
      restored?: { board: BoardState; since: number };
      buildId?: string;
    } = {},
  ) {
    const { client = 'viewer', name, reloadOnNewBuild = false, url, restored } = options;
    this.live = new LiveView(restored);
    this.client = client;
    this.announced = client;
    this.socket = io(url, {
      path: '/socket.io',
      ...RECONNECT_OPTIONS,
      auth: (cb) => {
        this.announced = this.client;
        cb({
          client: this.client,
          ...(name ? { name } : {}),
          ...(this.live.current.board.seq !== undefined ? { lastSeq: this.live.current.board.seq } : {}),
        });
      },
    });
    this.socket.on('connect', () => {
      this.lastContact = Date.now();
      // A new handshake brings the board up to date by itself; a resync asked on the old one is moot.
      this.resyncing = false;
      this.live.setStatus('live');
    });
    // Only close() and handshakeAgain() disconnect on purpose; a stalled upgrade says it went down itself.
    this.socket.on('disconnect', (reason) => reason !== 'io client disconnect' && this.down());
    this.socket.on('connect_error', () => this.down());
    // Each attempt has an engine of its own; one stalled mid-upgrade is abandoned for a fresh one.
    this.socket.io.on('open', () =>
      onStalledUpgrade(this.socket.io.engine, () => {
        this.down();
        this.handshakeAgain();
      }),
    );
    // A screen left on for weeks picks up a new deploy by itself.
    let build = options.buildId;
    this.socket.on('welcome', ({ buildId }) => {
      if (reloadOnNewBuild && build !== undefined && buildId !== build) window.location.reload();
      build = buildId;
    });
    this.socket.on('snapshot', (snapshot) => this.live.update({ board: applySnapshot(this.live.current.board, snapshot) }));
    this.socket.on('change', (change) => {
      const result = applyChange(this.live.current.board, change, Date.now());
      if (result.kind === 'applied') this.live.update({ board: result.state });
      if (result.kind === 'gap') this.resync();
    });
    this.socket.on('presence', (presence) => this.live.update({ presence }));
    this.socket.onAny(() => this.contact());
    this.socket.io.on('ping', () => this.contact());
    this.watchdog = setInterval(() => {
      if (this.live.current.connection.status === 'live' && Date.now() - this.lastContact > OFFLINE_AFTER_MS)
        this.live.setStatus('offline', this.lastContact);
    }, WATCH_EVERY_MS);
  }

  /**
   * Says what this page is now (an editor's page is a desk, not a viewer). The server hears it
   * on a fresh handshake, which resumes from the board's seq; changes made in one turn (a
   * React effect's cleanup and rerun) cost at most one.
   */
  identifyAs(client: ClientKind): void {
    this.client = client;
    if (this.reannounceScheduled) return;
    this.reannounceScheduled = true;
    queueMicrotask(() => {
      this.reannounceScheduled = false;
      if (this.closed || this.client === this.announced) return;
      this.announced = this.client;
      this.handshakeAgain();
    });
  }

  /** Stops for good: the socket, and every timer with it. */
  close(): void {
    this.closed = true;
    clearInterval(this.watchdog);
    this.socket.disconnect();
    this.live.close();
  }

  /** A new connection, and with it a handshake that resumes from the board's seq. */
  private handshakeAgain(): void {
    this.socket.disconnect().connect();
  }

  /** One resync in flight: the server acknowledges it once it has sent what was missed. */
  private resync(): void {
    if (this.resyncing) return;
    this.resyncing = true;
    const { seq } = this.live.current.board;
    this.socket.timeout(RESYNC_PATIENCE_MS).emit('resync', seq !== undefined ? { lastSeq: seq } : {}, () => {
      this.resyncing = false;
    });
  }

  private contact(): void {
    this.lastContact = Date.now();
    if (this.live.current.connection.status === 'offline' && this.socket.connected) this.live.setStatus('live');
  }

  subscribe = (listener: () => void): (() => void) => this.live.subscribe(listener);

  getView = (): LiveBoard => this.live.getView();

  private down(): void {
    this.live.down(() => this.socket.connected);
  }
}
