import { randomUUID } from 'node:crypto';
import type { ClientKind, Presence, PresenceReport } from '@treaty-watch/shared';
import { BOARD_ROOM, type BoardServer } from './board-server';

const PRESENCE_INTERVAL_MS = 1000;
/** A peer that has not reported for this long has gone; its screens no longer count. */
const PEER_EXPIRY_MS = 5000;
const MAX_LOCAL_INTERVAL_MS = 10_000;

/**
 * How often a new count may go to this process's sockets. Each is one write per socket, as dear
 * as a change: while dashboards come and go by the thousand (a process of the fleet lost, a
 * rolling restart) the count changes every second, and sending it every second took a fifth of
 * each process's time in the cluster bench, beside two fifths for the changes themselves. So a
 * process waits a millisecond per socket it holds between counts, from 1 s to 10 s.
 */
const localPresenceIntervalMs = (sockets: number) => Math.min(MAX_LOCAL_INTERVAL_MS, Math.max(PRESENCE_INTERVAL_MS, sockets));

/**
 * Connected dashboards by kind, for the whole cluster. Counts change in O(1) per connect; each
 * process tells the others its own counts once a second, and the total goes to local sockets
 * when it changed, at most as often as `localPresenceIntervalMs` allows. Sending it to everyone
 * on every connect would cost N² messages.
 */
export class PresenceCounter {
  private readonly counts: Record<Exclude<ClientKind, 'desk'>, number> = { viewer: 0, screen: 0, embed: 0 };
  private readonly peers = new Map<string, { report: PresenceReport; at: number }>();
  private readonly server = randomUUID();
  private lastSent = '';
  private ticksSinceSent = Infinity;
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
    this.ticksSinceSent += 1;
    if (key === this.lastSent || this.ticksSinceSent * PRESENCE_INTERVAL_MS < localPresenceIntervalMs(this.io.engine.clientsCount)) return;
    this.lastSent = key;
    this.ticksSinceSent = 0;
    this.io.local.to(BOARD_ROOM).emit('presence', presence);
  }
}
