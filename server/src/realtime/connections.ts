import { handshakeAuthSchema, resyncRequestSchema } from '@treaty-watch/shared';
import type { Logger } from '../log';
import type { BoardService } from '../services/board-service';
import { BOARD_ROOM, type BoardServer, type BoardSocket } from './board-server';
import type { Broadcaster } from './broadcaster';
import { catchUpQueue } from './catch-up-queue';
import type { PresenceCounter } from './presence';
import { ResyncLimit } from './resync-limit';
import { snapshotCache } from './snapshot-cache';

interface Deps {
  buildId: string;
  board: BoardService;
  broadcaster: Broadcaster;
  presence: PresenceCounter;
  log: Logger;
  /** A resync ignored: asked too often, or not a request at all (metrics). */
  onResyncRefused?: (reason: 'rate' | 'invalid') => void;
  /** A socket dropped for flooding resyncs (metrics). */
  onResyncFlood?: () => void;
}

/**
 * Brings each socket up to date and then into the live room: a replay of exactly the changes
 * it missed when it says where it stopped and that is recent enough, a snapshot otherwise.
 */
export function handleConnections(
  io: BoardServer,
  { buildId, board, broadcaster, presence, log, onResyncRefused, onResyncFlood }: Deps,
): void {
  const snapshot = snapshotCache(
    () => board.snapshot(),
    () => broadcaster.seq,
  );

  async function catchUp(socket: BoardSocket, lastSeq: number | undefined): Promise<void> {
    await socket.leave(BOARD_ROOM);
    if (lastSeq !== undefined && (await broadcaster.replayTo(socket, lastSeq))) return;
    // Only a socket that reads more slowly than changes arrive goes round again, with a newer snapshot.
    while (socket.connected) {
      const fresh = await snapshot();
      if (socket.disconnected || (await broadcaster.snapshotTo(socket, fresh))) return;
    }
  }

  io.on('connection', (socket) => {
    const parsed = handshakeAuthSchema.safeParse(socket.handshake.auth);
    const auth = parsed.success ? parsed.data : { client: 'viewer' as const, lastSeq: undefined };
    socket.data.client = auth.client;
    if (parsed.success && parsed.data.name) socket.data.name = parsed.data.name;
    socket.emit('welcome', { buildId });
    presence.join(auth.client);
    socket.emit('presence', presence.current());
    // Screens are few and unattended: the log says which one went dark, and when.
    const screen = auth.client === 'screen' ? { screen: socket.data.name ?? '(unnamed)', address: socket.handshake.address } : undefined;
    if (screen) log.info(screen, 'screen connected');
    socket.on('disconnect', (reason) => {
      presence.leave(auth.client);
      if (screen) log.info({ ...screen, reason }, 'screen disconnected');
    });

    /**
     * A socket that could not be brought up to date (the database did not answer) is dropped at
     * the transport, so its client reconnects by itself and tries again: a server-side
     * disconnect would tell it never to, and leave a wall screen offline for good.
     */
    const request = catchUpQueue(
      (lastSeq) => catchUp(socket, lastSeq),
      () => socket.conn.close(),
    );
    const limit = new ResyncLimit();
    // Typed as the map says, but sent by anyone: any arguments, the ack (if any) last.
    const onResync = (...args: unknown[]) => {
      // What was already on the wire when the socket was dropped is neither served nor counted again.
      if (socket.disconnected) return;
      const verdict = limit.check();
      if (verdict === 'drop') {
        log.warn(
          { address: socket.handshake.address, client: auth.client },
          'socket dropped: it asked to resync far more often than a dashboard does',
        );
        onResyncFlood?.();
        socket.disconnect(true);
        return;
      }
      if (verdict === 'refuse') return onResyncRefused?.('rate');
      const resync = resyncRequestSchema.safeParse(args[0]);
      if (!resync.success) return onResyncRefused?.('invalid');
      const ack = args.at(-1);
      request(resync.data.lastSeq, typeof ack === 'function' ? () => (ack as () => void)() : undefined);
    };
    socket.on('resync', onResync);
    request(auth.lastSeq);
  });
}
