import type { Request, RequestHandler, Response } from 'express';
import { roleAllows, type Role } from '@treaty-watch/shared';
import type { Principal } from '../services/principal';
import type { TokenService } from '../services/token-service';
import { HttpProblem, problems } from './problem';
import { sessionFoundOf } from './session-auth';

/** Who sent the request: its bearer token when it sends one (scripts), else the browser's live session; undefined for neither. */
async function principalFrom(tokens: TokenService, req: Request, res: Response): Promise<Principal | undefined> {
  const header = req.get('authorization');
  if (header === undefined) {
    const found = sessionFoundOf(res);
    return found.state === 'live' ? found.principal : undefined;
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
    const principal = await principalFrom(tokens, req, res);
    if (!principal) {
      const ended = sessionFoundOf(res).state === 'ended';
      throw new HttpProblem(
        problems.unauthorized(
          ended
            ? 'The session has ended (signed out, idle too long, or its token revoked): sign in again.'
            : 'Send Authorization: Bearer <token>, or sign in.',
        ),
      );
    }
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

/** Admits anyone; a request with credentials is known by them, so a reader with a token sees more. */
export function identifyOptionally(tokens: TokenService): RequestHandler {
  return async (req, res, next) => {
    const principal = await principalFrom(tokens, req, res);
    if (principal) res.locals.principal = principal;
    next();
  };
}

/** The principal `identifyOptionally` found, if any. */
export function maybePrincipalOf(res: Response): Principal | undefined {
  return res.locals.principal as Principal | undefined;
}

export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}
