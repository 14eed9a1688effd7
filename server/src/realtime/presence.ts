import { randomUUID } from 'node:crypto';
import type { ClientKind, Presence, PresenceReport } from '@treaty-watch/shared';
import { BOARD_ROOM, type BoardServer } from './board-server';

const PRESENCE_INTERVAL_MS = 1000;
/** A peer that has not reported for this long has gone; its screens no longer count. */
const PEER_EXPIRY_MS = 5000;

/**
 * Connected dashboards by kind, for the whole cluster. Counts change in O(1) per connect; each
 * process tells the others its own counts once a second, and the total goes to local sockets
 * at most once a second. Sending it to everyone on every connect would cost N² messages.
 */
export class PresenceCounter {
  private readonly counts: Record<Exclude<ClientKind, 'desk'>, number> = { viewer: 0, screen: 0, embed: 0 };
  private readonly peers = new Map<string, { report: PresenceReport; at: number }>();
  private readonly server = randomUUID();
  private lastSent = '';
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly io: BoardServer,
    private readonly clustered: boolean,
  ) {
    if (clustered) io.on('presence', (report) => this.peers.set(report.server, { report, at: Date.now() }));
    this.timer = setInterval(() => this.tick(), PRESENCE_INTERVAL_MS);
    this.timer.unref();
  }

  /** An editor's or admin's page is not an audience: it is not counted. */
  join(kind: ClientKind): void {
    if (kind !== 'desk') this.counts[kind] += 1;
  }

  leave(kind: ClientKind): void {
    if (kind !== 'desk') this.counts[kind] -= 1;
  }

  current(): Presence {
    const total: Presence = { viewers: this.counts.viewer, screens: this.counts.screen, embeds: this.counts.embed };
    for (const { report } of this.peers.values()) {
      total.viewers += report.viewers;
      total.screens += report.screens;
      total.embeds += report.embeds;
    }
    return total;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    const now = Date.now();
    for (const [id, peer] of this.peers) if (now - peer.at > PEER_EXPIRY_MS) this.peers.delete(id);
    if (this.clustered) {
      this.io.serverSideEmit('presence', {
        server: this.server,
        viewers: this.counts.viewer,
        screens: this.counts.screen,
        embeds: this.counts.embed,
      });
    }
    const presence = this.current();
    const key = `${presence.viewers}/${presence.screens}/${presence.embeds}`;
    if (key === this.lastSent) return;
    this.lastSent = key;
    this.io.local.to(BOARD_ROOM).emit('presence', presence);
  }
}
