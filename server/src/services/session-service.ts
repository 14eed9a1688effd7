import { createHash, randomBytes } from 'node:crypto';
import type { Session } from '@treaty-watch/shared';
import type { Store } from '../store/store';
import type { Principal } from './principal';
import type { TokenService } from './token-service';
import { write } from './write';

/** 256 random bits: a session id cannot be guessed, so a plain SHA-256 keeps it safely. */
const SESSION_ID_BYTES = 32;
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Seen-at is written at most once a minute: idle expiry is counted in hours, not requests. */
const TOUCH_INTERVAL_MS = 60_000;

const hashOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

export interface SignedIn {
  /** The cookie's value; the store keeps only its hash. */
  sessionId: string;
  session: Session;
}

export interface SessionOptions {
  idleMs: number;
  /** The composition root's clock; tests move it instead of sleeping. */
  now: () => Date;
}

/**
 * Browser sessions, each standing for the token it was opened with. The token is looked up
 * again on every request, so revoking it (or changing what it may do) holds from the next one.
 * Signing in and out is in the audit trail: who, with which token, when; never the session id.
 */
export function createSessionService(store: Store, tokens: TokenService, { idleMs, now }: SessionOptions) {
  const { sessions } = store;
  const audited = (principal: Principal, action: 'session.started' | 'session.ended', at: Date) =>
    write(store, { principal }, at, {
      work: () => Promise.resolve(principal.tokenId),
      audit: (target) => ({ action, target }),
      answer: () => ({ outcome: 'done', body: undefined }),
    });

  const describe = (principal: Principal, signedInAt: string, lastSeenAt: number): Session => ({
    tokenId: principal.tokenId,
    name: principal.name,
    role: principal.role,
    ...(principal.treaties ? { treaties: principal.treaties } : {}),
    signedInAt,
    idleExpiresAt: new Date(lastSeenAt + idleMs).toISOString(),
  });

  return {
    /** Opens a session for a token that stands; undefined for one that is unknown or revoked. */
    async signIn(token: string): Promise<SignedIn | undefined> {
      const principal = await tokens.authenticate(token);
      if (!principal) return undefined;
      const at = now();
      await sessions.pruneSessions(new Date(at.getTime() - idleMs).toISOString());
      const sessionId = randomBytes(SESSION_ID_BYTES).toString('base64url');
      const iso = at.toISOString();
      await sessions.saveSession({ hash: hashOf(sessionId), tokenId: principal.tokenId, createdAt: iso, lastSeenAt: iso });
      await audited(principal, 'session.started', at);
      return { sessionId, session: describe(principal, iso, at.getTime()) };
    },

    /** Who this session id stands for now, or undefined: unknown, idle too long, or its token revoked. */
    async resume(sessionId: string): Promise<{ principal: Principal; tokenHash: string; session: Session } | undefined> {
      if (!SESSION_ID_PATTERN.test(sessionId)) return undefined;
      const hash = hashOf(sessionId);
      const record = await sessions.findSession(hash);
      if (!record) return undefined;
      const at = now().getTime();
      if (at - Date.parse(record.lastSeenAt) >= idleMs) {
        await sessions.deleteSession(hash);
        return undefined;
      }
      const standing = await tokens.standingOf(record.tokenId);
      if (!standing) {
        await sessions.pruneSessions(new Date(at - idleMs).toISOString(), [record.tokenId]);
        return undefined;
      }
      let seen = Date.parse(record.lastSeenAt);
      if (at - seen >= TOUCH_INTERVAL_MS) {
        seen = at;
        await sessions.touchSession(hash, new Date(at).toISOString());
      }
      return { ...standing, session: describe(standing.principal, record.createdAt, seen) };
    },

    /** Ends a live session, as its principal. */
    async signOut(sessionId: string, principal: Principal): Promise<void> {
      if (!SESSION_ID_PATTERN.test(sessionId)) return;
      await sessions.deleteSession(hashOf(sessionId));
      await audited(principal, 'session.ended', now());
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
