import type { BoardServer } from './board-server';

const CHECK_EVERY_MS = 1000;
/** Unsent bytes a connection may hold before it counts as not reading. */
const MAX_BUFFERED_BYTES = 2 * 1024 * 1024;
/** Queued packets, for transports that queue before the socket (long-polling). */
const MAX_QUEUED_PACKETS = 2000;

interface EngineConnection {
  readyState: string;
  writeBuffer: unknown[];
  transport?: { socket?: { bufferedAmount?: number; terminate?(): void } };
  close(discard?: boolean): void;
}

/**
 * A dashboard that stops reading (a frozen tab, a stalled link) must not make the server hold
 * every change for it without bound, nor slow the others. Such a connection is closed at the
 * transport, which its client takes as a network drop: it reconnects and catches up by seq.
 *
 * The close must not wait on the peer. Engine.IO's orderly close waits for the packets it still
 * queues to drain, and a WebSocket's closing frame waits behind the bytes already buffered: from a
 * peer that does not read, neither ever comes, so the connection would stay (and be counted again
 * each round) until the heartbeat gave up. Discarding the queue and terminating the socket frees
 * both now.
 */
export function dropSlowConsumers(io: BoardServer, onDrop: () => void): { stop(): void } {
  const timer = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      const conn = socket.conn as unknown as EngineConnection;
      if (conn.readyState !== 'open') continue;
      const buffered = conn.transport?.socket?.bufferedAmount ?? 0;
      if (buffered > MAX_BUFFERED_BYTES || conn.writeBuffer.length > MAX_QUEUED_PACKETS) {
        conn.transport?.socket?.terminate?.();
        conn.close(true);
        onDrop();
      }
    }
  }, CHECK_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
