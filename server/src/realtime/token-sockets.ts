import type { TokenService } from '../services/token-service';
import type { BoardServer } from './board-server';

/**
 * A token revoked from the command line reaches open sockets within this long. A sweep reads
 * only the tokens that open sockets presented (editors' pages, a handful), so it can be often.
 */
const SWEEP_INTERVAL_MS = 1000;
const ROOM_PREFIX = 'token:';
const roomOf = (tokenId: string) => `${ROOM_PREFIX}${tokenId}`;

/**
 * Sockets that connected with a token (a desk's own tools may; viewers need none). A socket
 * that presents a token must present a valid one; when the token is revoked, its sockets are
 * dropped at once by the admin endpoint, or by the next sweep when it was revoked from another
 * process.
 */
export class TokenSockets {
  private readonly timer: NodeJS.Timeout;
  /** A slow database must not pile one sweep on another. */
  private sweeping = false;

  constructor(
    private readonly io: BoardServer,
    private readonly tokens: TokenService,
  ) {
    io.use((socket, next) => {
      const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
      if (token === undefined) return next();
      if (typeof token !== 'string') return next(new Error('token rejected'));
      tokens.authenticate(token).then(
        (principal) => {
          if (!principal) return next(new Error('token rejected'));
          socket.data.tokenId = principal.tokenId;
          void socket.join(roomOf(principal.tokenId));
          next();
        },
        () => next(new Error('token check failed')),
      );
    });
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  disconnect(tokenId: string): void {
    this.io.in(roomOf(tokenId)).disconnectSockets(true);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const rooms = [...this.io.of('/').adapter.rooms.keys()].filter((room) => room.startsWith(ROOM_PREFIX));
      for (const room of rooms) {
        const tokenId = room.slice(ROOM_PREFIX.length);
        if (!(await this.tokens.isActive(tokenId).catch(() => true))) this.disconnect(tokenId);
      }
    } finally {
      this.sweeping = false;
    }
  }
}
