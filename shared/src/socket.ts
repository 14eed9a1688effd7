import { z } from 'zod';
import type { Change, Snapshot } from './change';

/**
 * `desk` is an editor's or admin's page: it follows the board to fill its forms, but it is not
 * an audience, so presence does not count it.
 */
export const CLIENT_KINDS = ['viewer', 'screen', 'embed', 'desk'] as const;
export const clientKindSchema = z.enum(CLIENT_KINDS);
export type ClientKind = z.infer<typeof clientKindSchema>;

/** The Socket.IO handshake `auth`; anything unparseable is treated as a fresh viewer. */
export const handshakeAuthSchema = z.object({
  lastSeq: z.number().int().nonnegative().optional(),
  client: clientKindSchema.default('viewer'),
  name: z.string().max(60).optional(),
  /** An editor's token: optional, and refused at connect when unknown or revoked. */
  token: z.string().max(200).optional(),
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/** Integers only, within the safe range: NaN, Infinity, 1e308 and strings are refused. */
export const resyncRequestSchema = z.object({ lastSeq: z.number().int().nonnegative().optional() });
export type ResyncRequest = z.infer<typeof resyncRequestSchema>;

export interface Presence {
  viewers: number;
  screens: number;
  embeds: number;
}

/** Sent first on every connection, so a screen open for weeks notices a new deploy. */
export interface Welcome {
  buildId: string;
}

export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  snapshot: (snapshot: Snapshot) => void;
  change: (change: Change) => void;
  presence: (presence: Presence) => void;
}

export interface ClientToServerEvents {
  /**
   * Sent by a client that saw a gap in seq: the server replays from `lastSeq` or sends a
   * snapshot, then calls `done` (after the replay, on the same socket), so a client can keep
   * one resync in flight. A socket that asks too often is ignored, then dropped.
   */
  resync: (request: ResyncRequest, done?: () => void) => void;
}

/** One server process's own connection counts, as it tells the others in a cluster. */
export interface PresenceReport extends Presence {
  server: string;
}

/** Between server processes sharing Redis: changes written here, and presence. */
export interface InterServerEvents {
  change: (change: Change) => void;
  presence: (report: PresenceReport) => void;
}

export interface SocketData {
  client: ClientKind;
  name?: string;
  tokenId?: string;
}

/** Replay covers at most this many missed changes; further behind, a client gets a snapshot. */
export const REPLAY_LIMIT = 1000;

/**
 * How every dashboard reconnects: from about a second, doubling to five, each delay randomised
 * by half, so a thousand screens do not come back in one wave after a restart. Five, not more:
 * however long the outage, no screen then waits more than 5 s (Socket.IO caps the randomised
 * delay; an embed's stream, 7.5 s) before it tries a server that answers again, so all are back
 * within 10 s of it. At a cap of ten, a screen that had just tried waited up to ten seconds more.
 */
export const RECONNECT_OPTIONS = {
  reconnectionDelay: 1000,
  reconnectionDelayMax: 5000,
  randomizationFactor: 0.5,
} as const;
