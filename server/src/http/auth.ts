import type { RequestHandler, Response } from 'express';
import { roleAllows, type Role } from '@treaty-watch/shared';
import type { Principal } from '../services/principal';
import type { TokenService } from '../services/token-service';
import { HttpProblem, problems } from './problem';
import { sessionFoundOf, type SessionFound } from './session-auth';

/** A bearer token when the request sends one (scripts), else the browser's session. */
async function principalOfRequest(tokens: TokenService, header: string | undefined, found: SessionFound): Promise<Principal> {
  if (header === undefined) {
    if (found.state === 'live') return found.principal;
    throw new HttpProblem(
      problems.unauthorized(
        found.state === 'ended'
          ? 'The session has ended (signed out, idle too long, or its token revoked): sign in again.'
          : 'Send Authorization: Bearer <token>, or sign in.',
      ),
    );
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new HttpProblem(problems.unauthorized('Send Authorization: Bearer <token>.'));
  const principal = await tokens.authenticate(match[1]);
  if (!principal) throw new HttpProblem(problems.unauthorized('The token is unknown or has been revoked.'));
  return principal;
}

/** Admits a request whose bearer token holds `role` (or admin); the principal lands in `res.locals`. */
export function requireRole(tokens: TokenService, role: Role): RequestHandler {
  return async (req, res, next) => {
    const principal = await principalOfRequest(tokens, req.get('authorization'), sessionFoundOf(res));
    if (!roleAllows(principal.role, role)) {
      throw new HttpProblem(problems.forbidden(`This needs the ${role} role; the token has ${principal.role}.`));
    }
    // Admin routes act on every treaty, so a scope could not hold there. Such tokens are no longer
    // made, but a database from before may still hold one: it writes within its scope, no more.
    if (role === 'admin' && principal.treaties) {
      throw new HttpProblem(
        problems.forbidden(
          `The token "${principal.name}" is limited to ${principal.treaties.join(', ')}, and admin routes act on every treaty. Use an unscoped admin token.`,
        ),
      );
    }
    res.locals.principal = principal;
    next();
  };
}

export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}
