import type { Request, Response } from 'express';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../log';
import { HttpProblem, problems } from './problem';
import { redisLimiter, redisOrLocal, type SharedCounts } from './rate-limit';

export type SignInRefusal = 'token' | 'rate';

export interface SignInFailures {
  /** Refuses (429) a sign-in from an address that has failed too often this minute, before its token is looked at. */
  assertMayTry(req: Request, res: Response): Promise<void>;
  /** Counts a sign-in whose token was unknown or revoked against its address. */
  failed(req: Request): Promise<void>;
}

/** Reads and adds to an address's failures: in Redis when shared (this process's memory while it does not answer), else here. */
function failureCounts(perMinute: number, shared: SharedCounts | undefined) {
  const local = new RateLimiterMemory({ points: perMinute, duration: 60 });
  if (!shared) return { get: (key: string) => local.get(key), add: (key: string) => local.penalty(key, 1) };
  const redis = redisLimiter('signin', shared, perMinute, 60);
  const run = redisOrLocal('signin', shared);
  return {
    get: (key: string): Promise<RateLimiterRes | null> =>
      run(
        () => redis.get(key),
        () => local.get(key),
      ),
    add: (key: string): Promise<RateLimiterRes> =>
      run(
        () => redis.penalty(key, 1),
        () => local.penalty(key, 1),
      ),
  };
}

/**
 * Tokens are 192 random bits, so guessing one is hopeless; the limit keeps a script from
 * hammering the sign-in form and the log readable. With Redis the failures are counted across
 * the cluster, so N processes do not allow N times the limit. Only the address is logged, never
 * what was pasted.
 */
export function signInFailures(
  perMinute: number,
  log: Logger,
  onRefused: (reason: SignInRefusal) => void,
  shared?: SharedCounts,
): SignInFailures {
  const counts = perMinute > 0 ? failureCounts(perMinute, shared) : undefined;
  const keyOf = (req: Request) => `ip:${req.ip}`;
  return {
    async assertMayTry(req, res) {
      const state = counts && (await counts.get(keyOf(req)));
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
      await counts?.add(keyOf(req));
    },
  };
}
