import { handshakeAuthSchema, REPLAY_LIMIT, resyncRequestSchema, type Snapshot } from '@treaty-watch/shared';
import type { Logger } from '../log';
import type { BoardService } from '../services/board-service';
import { BOARD_ROOM, type BoardServer, type BoardSocket } from './board-server';
import type { Broadcaster } from './broadcaster';
import type { PresenceCounter } from './presence';

interface Deps {
  buildId: string;
  board: BoardService;
  broadcaster: Broadcaster;
  presence: PresenceCounter;
  log: Logger;
}

/**
 * Brings each socket up to date and then into the live room: a replay of exactly the changes
 * it missed when it says where it stopped and that is recent enough, a snapshot otherwise.
 */
export function handleConnections(io: BoardServer, { buildId, board, broadcaster, presence, log }: Deps): void {
  // A reconnect storm after a restart asks for the same snapshot thousands of times.
  let cached: Snapshot | undefined;
  async function snapshot(): Promise<Snapshot> {
    const now = new Date().toISOString();
    // Same seq, same day: the same board (the activity chart counts by day).
    if (cached && cached.seq === broadcaster.seq && cached.serverTime.slice(0, 10) === now.slice(0, 10)) return { ...cached, serverTime: now };
    cached = await board.snapshot();
    return cached;
  }

  async function catchUp(socket: BoardSocket, lastSeq: number | undefined): Promise<void> {
    socket.leave(BOARD_ROOM);
    if (lastSeq !== undefined && broadcaster.seq - lastSeq <= REPLAY_LIMIT && broadcaster.replayTo(socket, lastSeq)) return;
    const fresh = await snapshot();
    if (socket.disconnected) return;
    broadcaster.snapshotTo(socket, fresh);
  }

  /**
   * A socket that could not be brought up to date (the database did not answer) is dropped at
   * the transport, so its client reconnects by itself and tries again: a server-side
   * disconnect would tell it never to, and leave a wall screen offline for good.
   */
  const retryLater = (socket: BoardSocket) => () => socket.conn.close();

  io.on('connection', (socket) => {
    const parsed = handshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
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
    socket.on('resync', (request) => {
      const resync = resyncRequestSchema.safeParse(request);
      void catchUp(socket, resync.success ? resync.data.lastSeq : undefined).catch(retryLater(socket));
    });
    void catchUp(socket, auth.lastSeq).catch(retryLater(socket));
  });
}
