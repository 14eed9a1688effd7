import type { ClientKind, Presence } from '@treaty-watch/shared';
import { emptyBoard, type BoardState } from './board-state';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface LiveBoard {
  board: BoardState;
  connection: { status: ConnectionStatus; since: number };
  presence: Presence | undefined;
}

/** What pages read the board from: a Socket.IO connection (the app) or an event stream (the embed). */
export interface LiveBoardSource {
  subscribe: (listener: () => void) => () => void;
  getView: () => LiveBoard;
  /** Tells the server what the page is now, where the channel can (Socket.IO presence). */
  identifyAs?(client: ClientKind): void;
}

/** After this long without the server, the board says it is stale. */
export const OFFLINE_AFTER_MS = 10_000;
const RENDER_EVERY_MS = 16;

/**
 * The immutable view React reads, and its connection status: state changes at once, listeners
 * hear of it at most every RENDER_EVERY_MS. A burst of a thousand changes then costs a few
 * renders, not a thousand. A timer rather than animation frames: a tab that is not in front
 * gets no frames, and its status must still change.
 */
export class LiveView {
  private view: LiveBoard = { board: emptyBoard, connection: { status: 'connecting', since: Date.now() }, presence: undefined };
  private readonly listeners = new Set<() => void>();
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;
  private notifyScheduled = false;

  /** `restored`: a board kept from an earlier start, shown stale until the server confirms it. */
  constructor(restored?: { board: BoardState; since: number }) {
    if (restored) this.view = { ...this.view, board: restored.board, connection: { status: 'offline', since: restored.since } };
  }

  get current(): LiveBoard {
    return this.view;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): LiveBoard => this.view;

  update(part: Partial<LiveBoard>): void {
    this.view = { ...this.view, ...part };
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    setTimeout(() => {
      this.notifyScheduled = false;
      this.listeners.forEach((listener) => listener());
    }, RENDER_EVERY_MS);
  }

  setStatus(status: ConnectionStatus, since = Date.now()): void {
    if (status === 'live') {
      clearTimeout(this.offlineTimer);
      this.offlineTimer = undefined;
    }
    if (this.view.connection.status !== status) this.update({ connection: { status, since } });
  }

  /** The line went down: reconnecting at once, and offline since then unless `isUp` says it came back meanwhile. */
  down(isUp: () => boolean): void {
    if (this.view.connection.status === 'live' || this.view.connection.status === 'connecting') this.setStatus('reconnecting');
    this.offlineTimer ??= setTimeout(() => {
      if (!isUp()) this.setStatus('offline', this.view.connection.since);
    }, OFFLINE_AFTER_MS);
  }

  close(): void {
    clearTimeout(this.offlineTimer);
    this.listeners.clear();
  }
}
