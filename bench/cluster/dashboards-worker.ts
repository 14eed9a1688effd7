import type WebSocket from 'ws';
import { RECONNECT_OPTIONS } from '@treaty-watch/shared';
import { Arrivals } from '../arrivals';
import { connectLight } from '../light-client';
import { UPSTREAM_HEADER } from './nginx';

/**
 * One load-generator process of the cluster bench: light dashboards through nginx that behave
 * as the board does when the line drops (reconnect with the board's jittered backoff, resume
 * from their seq), and count every change they get against the one before: a seq skipped is a
 * change missed, a seq again a change doubled. A snapshot replaces the board, as the board's own.
 */
interface Start {
  type: 'start';
  url: string;
  count: number;
  localAddress: string;
}
type Command = Start | { type: 'expect'; seq: number; timeoutMs: number } | { type: 'status'; outages: boolean } | { type: 'stop' };

interface Board {
  ws?: WebSocket;
  seq?: number;
  upstream: string;
  presence?: number;
  attempts: number;
  missed: number;
  doubled: number;
  snapshots: number;
  reconnects: number;
  /** When its connection last dropped, until it is open again. */
  droppedAt?: number;
}

export interface WorkerStatus {
  connected: number;
  /** Lowest and highest seq among connected boards; -1 when none is. */
  minSeq: number;
  maxSeq: number;
  missed: number;
  doubled: number;
  /** Snapshots beyond each board's first: a reconnect the server could not replay. */
  resnapshots: number;
  reconnects: number;
  /** Connected boards by the process nginx put them on. */
  upstreams: Record<string, number>;
  /** Connected boards by the viewer count their latest presence said. */
  presence: Record<string, number>;
  /** Failed attempts to reconnect, by what went wrong. */
  failures: Record<string, number>;
  /**
   * Each reconnection: when its connection dropped and when the server took its handshake again
   * (epoch ms). Only when asked: polled ten times a second, tens of thousands of them were the
   * load generator's own work.
   */
  outages: [number, number][];
}

const boards: Board[] = [];
const failures: Record<string, number> = {};
const outages: [number, number][] = [];
const arrivals = new Arrivals(() => boards.length);
let stopping = false;

/** socket.io-client's backoff: doubling from the first delay, randomised by the factor, capped. */
function backoff(attempts: number): number {
  const { reconnectionDelay, reconnectionDelayMax, randomizationFactor } = RECONNECT_OPTIONS;
  const base = reconnectionDelay * 2 ** attempts;
  const deviation = Math.random() * randomizationFactor * base;
  return Math.min(reconnectionDelayMax, Math.random() < 0.5 ? base - deviation : base + deviation);
}

function onChange(board: Board, seq: number): void {
  arrivals.saw(seq);
  if (board.seq !== undefined) {
    if (seq <= board.seq) {
      board.doubled += 1;
      return;
    }
    board.missed += seq - board.seq - 1;
  }
  board.seq = seq;
}

async function open(board: Board, start: Start): Promise<void> {
  const { ws, upstream } = await connectLight({
    url: start.url,
    auth: () => ({ client: 'viewer', ...(board.seq !== undefined ? { lastSeq: board.seq } : {}) }),
    localAddress: start.localAddress,
    upstreamHeader: UPSTREAM_HEADER,
    on: {
      change: (seq) => onChange(board, seq),
      snapshot: (seq) => {
        if (board.seq !== undefined) board.snapshots += 1;
        board.seq = seq;
      },
      presence: (viewers) => (board.presence = viewers),
    },
  });
  board.ws = ws;
  // nginx lists every process it tried; the last one took the connection.
  board.upstream = upstream.split(', ').at(-1) ?? '';
  board.attempts = 0;
  if (board.droppedAt !== undefined) outages.push([board.droppedAt, Date.now()]);
  board.droppedAt = undefined;
  ws.on('close', () => {
    board.droppedAt = Date.now();
    board.ws = undefined;
    board.presence = undefined;
    if (!stopping) reconnect(board, start);
  });
}

/** One attempt, true if it connected; a failed one is counted and tried again after the backoff, as the board does. */
async function attempt(board: Board, start: Start): Promise<boolean> {
  try {
    await open(board, start);
    return true;
  } catch (error) {
    const why = (error as Error).message;
    failures[why] = (failures[why] ?? 0) + 1;
    board.attempts += 1;
    reconnect(board, start);
    return false;
  }
}

function reconnect(board: Board, start: Start): void {
  setTimeout(() => void attempt(board, start).then((connected) => connected && (board.reconnects += 1)), backoff(board.attempts));
}

/** Every board's first attempt, in batches; those that failed go on trying by themselves. */
async function connectAll(start: Start): Promise<void> {
  const BATCH = 250;
  for (let i = 0; i < start.count; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, start.count - i) }, (): Board => ({
      upstream: '',
      attempts: 0,
      missed: 0,
      doubled: 0,
      snapshots: 0,
      reconnects: 0,
    }));
    boards.push(...batch);
    await Promise.all(batch.map((board) => attempt(board, start)));
  }
}

function status(withOutages: boolean): WorkerStatus {
  const connected = boards.filter((b) => b.ws);
  const seqs = connected.map((b) => b.seq ?? -1);
  const count = (key: (b: Board) => string) => {
    const counts: Record<string, number> = {};
    for (const board of connected) counts[key(board)] = (counts[key(board)] ?? 0) + 1;
    return counts;
  };
  const sum = (pick: (b: Board) => number) => boards.reduce((n, b) => n + pick(b), 0);
  return {
    connected: connected.length,
    minSeq: seqs.length ? Math.min(...seqs) : -1,
    maxSeq: seqs.length ? Math.max(...seqs) : -1,
    missed: sum((b) => b.missed),
    doubled: sum((b) => b.doubled),
    resnapshots: sum((b) => b.snapshots),
    reconnects: sum((b) => b.reconnects),
    upstreams: count((b) => b.upstream),
    presence: count((b) => String(b.presence ?? 'none')),
    failures,
    outages: withOutages ? outages : [],
  };
}

process.on('message', (command: Command) => {
  if (command.type === 'start') {
    connectAll(command).then(
      () => process.send?.({ type: 'ready', connected: boards.length }),
      (error: unknown) => process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (command.type === 'expect') {
    arrivals.expect(command.seq, command.timeoutMs, (times) => process.send?.({ type: 'times', seq: command.seq, times }));
    process.send?.({ type: 'armed' });
  } else if (command.type === 'status') {
    process.send?.({ type: 'status', ...status(command.outages) });
  } else {
    stopping = true;
    for (const board of boards) board.ws?.terminate();
    process.exit(0);
  }
});
