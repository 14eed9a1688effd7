import type { Request, RequestHandler, Response } from 'express';
import { roleAllows, type Role } from '@treaty-watch/shared';
import type { Principal } from '../services/principal';
import type { TokenService } from '../services/token-service';
import { HttpProblem, problems } from './problem';

/** Who sent the request, when it carries credentials (which must then be good); undefined when it carries none. */
async function principalFrom(tokens: TokenService, req: Request): Promise<Principal | undefined> {
  const header = req.get('authorization');
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new HttpProblem(problems.unauthorized('Send Authorization: Bearer <token>.'));
  const principal = await tokens.authenticate(match[1]);
  if (!principal) throw new HttpProblem(problems.unauthorized('The token is unknown or has been revoked.'));
  return principal;
}

/** Admits a request whose bearer token holds `role` (or admin); the principal lands in `res.locals`. */
export function requireRole(tokens: TokenService, role: Role): RequestHandler {
  return async (req, res, next) => {
    const principal = await principalFrom(tokens, req);
    if (!principal) throw new HttpProblem(problems.unauthorized('Send Authorization: Bearer <token>.'));
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
    const principal = await principalFrom(tokens, req);
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
