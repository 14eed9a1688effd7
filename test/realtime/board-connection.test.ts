import type { EventEmitter } from 'node:events';
import http from 'node:http';
import { Server, type Socket } from 'socket.io';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Change, ClientKind, ClientToServerEvents, ServerToClientEvents, Snapshot, Treaty } from '@treaty-watch/shared';
import { BoardConnection } from '../../client/src/lib/board-connection';

/**
 * The dashboard's own connection code against a Socket.IO server the test scripts: ours sends
 * changes in seq order, so only a scripted one can deliver a burst out of order on purpose.
 */
const treaty = { id: 'inf', version: 1 } as Treaty;
const change = (seq: number): Change => ({ seq, kind: 'treaty.changed', treaty });
const snapshot = (seq: number): Snapshot =>
  ({ seq, serverTime: new Date().toISOString(), treaties: [treaty], updates: [], activity: [] }) as unknown as Snapshot;

let httpServer: http.Server;
let io: Server<ClientToServerEvents, ServerToClientEvents>;
let url: string;
const connections: BoardConnection[] = [];
const open = (client?: ClientKind) => {
  const connection = new BoardConnection({ url, ...(client ? { client } : {}) });
  connections.push(connection);
  return connection;
};
const nextSocket = () => new Promise<Socket<ClientToServerEvents, ServerToClientEvents>>((resolve) => io.once('connection', resolve));

beforeAll(async () => {
  httpServer = http.createServer();
  io = new Server(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const address = httpServer.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterEach(() => {
  for (const connection of connections.splice(0)) connection.close();
  vi.useRealTimers();
});
afterAll(async () => {
  await io.close();
});

describe('the dashboard’s connection', () => {
  it('asks once for a burst of out-of-order changes, and again only for a later gap', async () => {
    const connected = nextSocket();
    const board = open();
    const socket = await connected;
    const resyncs: (number | undefined)[] = [];
    socket.on('resync', (request, done) => {
      resyncs.push(request.lastSeq);
      for (let seq = (request.lastSeq ?? 0) + 1; seq <= 31; seq++) socket.emit('change', change(seq));
      done?.();
    });
    socket.emit('snapshot', snapshot(10));
    // 11 never comes: every one of these twenty is past a gap.
    for (let seq = 12; seq <= 31; seq++) socket.emit('change', change(seq));
    await vi.waitFor(() => expect(board.getView().board.seq).toBe(31), { timeout: 5000 });
    expect(resyncs).toEqual([10]);

    socket.emit('change', change(33));
    await vi.waitFor(() => expect(resyncs).toEqual([10, 31]), { timeout: 5000 });
  });

  it('tells the server it is a desk on a fresh handshake, and says nothing when it ends a turn as what it was', async () => {
    const handshakes: unknown[] = [];
    const record = (socket: Socket) => handshakes.push((socket.handshake.auth as { client?: unknown }).client);
    io.on('connection', record);
    try {
      const board = open();
      await vi.waitFor(() => expect(handshakes).toEqual(['viewer']));
      // A React effect's cleanup and rerun, as StrictMode does: back where it was.
      board.identifyAs('desk');
      board.identifyAs('viewer');
      await Promise.resolve();
      board.identifyAs('desk');
      board.identifyAs('desk');
      await vi.waitFor(() => expect(handshakes.length).toBeGreaterThan(1));
      expect(handshakes).toEqual(['viewer', 'desk']);
    } finally {
      io.off('connection', record);
    }
  });

  it('starts afresh when the server goes away in the middle of its switch to WebSocket', async () => {
    // The WebSocket closes just after the server answered its probe: long-polling is paused by
    // then, and engine.io-client never resumes it, so without a fresh connection the board would
    // hear nothing until the engine's ping timeout (45 s on this server's defaults).
    io.engine.once('connection', (engine: EventEmitter) =>
      engine.once('upgrading', (transport: { close(): void }) => setTimeout(() => transport.close(), 20)),
    );
    const sockets: Socket[] = [];
    const record = (socket: Socket) => sockets.push(socket);
    io.on('connection', record);
    try {
      const board = open();
      await vi.waitFor(() => expect(sockets).toHaveLength(2), { timeout: 5000 });
      sockets[1]?.emit('snapshot', snapshot(7));
      await vi.waitFor(() => expect(board.getView()).toMatchObject({ board: { seq: 7 }, connection: { status: 'live' } }));
    } finally {
      io.off('connection', record);
    }
  });

  it('leaves no watchdog running once closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const connected = nextSocket();
    const board = open();
    await connected;
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    board.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});
