import type { ClientKind, Presence } from '@treaty-watch/shared';
import { BOARD_ROOM, type BoardServer } from './board-server';

const PRESENCE_INTERVAL_MS = 1000;

/**
 * Connected dashboards by kind. Counts change in O(1) per connect; the total goes out at most
 * once a second. Sending it to everyone on every connect would cost N² messages for N screens.
 */
export class PresenceCounter {
  private readonly counts: Record<ClientKind, number> = { viewer: 0, screen: 0, embed: 0 };
  private dirty = false;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly io: BoardServer) {
    this.timer = setInterval(() => this.flush(), PRESENCE_INTERVAL_MS);
    this.timer.unref();
  }

  join(kind: ClientKind): void {
    this.counts[kind] += 1;
    this.dirty = true;
  }

  leave(kind: ClientKind): void {
    this.counts[kind] -= 1;
    this.dirty = true;
  }

  current(): Presence {
    return { viewers: this.counts.viewer, screens: this.counts.screen, embeds: this.counts.embed };
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.io.to(BOARD_ROOM).emit('presence', this.current());
  }
}
