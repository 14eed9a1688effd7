import type { BoardSocket } from './board-server';

/** The engine.io connection under a socket, as far as its unsent data goes (not in its typings). */
interface Drains {
  on(event: 'drain' | 'close', listener: () => void): void;
  off(event: 'drain' | 'close', listener: () => void): void;
}

interface EngineConnection extends Drains {
  readyState: string;
  writeBuffer: unknown[];
  transport?: Partial<Drains> & { socket?: { bufferedAmount?: number } };
  close(): void;
}

const engineOf = (socket: BoardSocket) => socket.conn as unknown as EngineConnection;

/**
 * What a connection has not sent yet: packets engine.io queues while the transport is busy
 * (all of them, for long-polling), and bytes the websocket holds for a peer not reading.
 */
function unsentOf(conn: EngineConnection): { packets: number; bytes: number } {
  return { packets: conn.writeBuffer.length, bytes: conn.transport?.socket?.bufferedAmount ?? 0 };
}

/** Bytes the websocket may still hold when the next chunk of a catch-up goes out. */
const LOW_WATER_BYTES = 64 * 1024;
/** A backstop for a transport swapped mid-wait (polling upgraded to websocket), whose events we missed. */
const RECHECK_MS = 250;

/**
 * Resolves once the socket has handed on what it was given and its websocket holds little, or
 * once it closed: a catch-up sends its next chunk only then, so one socket's replay is never
 * more than a chunk or two in the server's memory, however fast it asks.
 */
export function flushed(socket: BoardSocket): Promise<void> {
  const conn = engineOf(socket);
  const { transport } = conn;
  return new Promise((resolve) => {
    let settled = false;
    const check = () => {
      const unsent = unsentOf(conn);
      if (settled || (conn.readyState !== 'closed' && (unsent.packets > 0 || unsent.bytes > LOW_WATER_BYTES))) return;
      settled = true;
      clearInterval(timer);
      conn.off('drain', check);
      conn.off('close', check);
      transport?.off?.('drain', check);
      // On loopback a write completes at once and the drain events come in the same turn: without
      // a turn of the event loop here, a whole replay would run as one block and stall the rest.
      setImmediate(resolve);
    };
    const timer = setInterval(check, RECHECK_MS);
    // The connection drains when its queue goes to the transport; the transport when its write is done.
    conn.on('drain', check);
    conn.on('close', check);
    transport?.on?.('drain', check);
    check();
  });
}
