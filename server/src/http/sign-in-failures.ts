import type { Request, Response } from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Logger } from '../log';
import { HttpProblem, problems } from './problem';

export type SignInRefusal = 'token' | 'rate';

export interface SignInFailures {
  /** Refuses (429) a sign-in from an address that has failed too often this minute, before its token is looked at. */
  assertMayTry(req: Request, res: Response): Promise<void>;
  /** Counts a sign-in whose token was unknown or revoked against its address. */
  failed(req: Request): Promise<void>;
}

/**
 * Tokens are 192 random bits, so guessing one is hopeless; the limit keeps a script from
 * hammering the sign-in form and the log readable. Counted per process: N processes allow N
 * times the failures, which the token's length makes harmless. Only the address is logged,
 * never what was pasted.
 */
export function signInFailures(perMinute: number, log: Logger, onRefused: (reason: SignInRefusal) => void): SignInFailures {
  const limiter = perMinute > 0 ? new RateLimiterMemory({ points: perMinute, duration: 60 }) : undefined;
  const keyOf = (req: Request) => `ip:${req.ip}`;
  return {
    async assertMayTry(req, res) {
      const state = limiter && (await limiter.get(keyOf(req)));
      if (!state || state.consumedPoints < perMinute) return;
      const untilNext = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
      onRefused('rate');
      log.warn({ address: req.ip }, 'Sign-in refused: too many failed sign-ins from this address');
      res.set('Retry-After', String(untilNext));
      throw new HttpProblem(problems.rateLimited(`Too many failed sign-ins from this address; try again in ${untilNext} s.`));
    },
    async failed(req) {
      onRefused('token');
      log.warn({ address: req.ip }, 'Sign-in failed: the token is unknown or revoked');
      await limiter?.penalty(keyOf(req), 1);
    },
  };
}
