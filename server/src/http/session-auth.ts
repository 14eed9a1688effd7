import type { RequestHandler, Response } from 'express';
import type { Session } from '@treaty-watch/shared';
import type { Principal } from '../services/principal';
import type { SessionService } from '../services/session-service';
import { assertSameOrigin } from './same-origin';
import { clearSessionCookie, sessionCookieOf } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the session middleware found: a live session, one that has ended, or no cookie at all. */
export type SessionFound =
  { state: 'live'; sessionId: string; principal: Principal; tokenHash: string; session: Session } | { state: 'ended' } | { state: 'none' };

export function sessionFoundOf(res: Response): SessionFound {
  return (res.locals.sessionFound as SessionFound | undefined) ?? { state: 'none' };
}

/**
 * Reads the session cookie on every API request and looks its token up again, so a revoked
 * token's session ends at its next request. A request with an Authorization header is left as
 * it is: scripts authenticate with their bearer token exactly as before. A write that carries
 * the cookie must come from this server's own pages.
 */
export function sessionAuth(sessions: SessionService, publicUrl: () => string | undefined): RequestHandler {
  return async (req, res, next) => {
    const sessionId = req.get('authorization') === undefined ? sessionCookieOf(req) : undefined;
    if (sessionId === undefined) {
      next();
      return;
    }
    if (!SAFE_METHODS.has(req.method)) assertSameOrigin(req, publicUrl());
    const resumed = await sessions.resume(sessionId);
    if (resumed) {
      res.locals.sessionFound = { state: 'live', sessionId, ...resumed } satisfies SessionFound;
    } else {
      res.locals.sessionFound = { state: 'ended' } satisfies SessionFound;
      clearSessionCookie(req, res);
    }
    next();
  };
}
