import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '../log';
import type { RedisClient } from '../realtime/cluster';
import { HttpProblem, problems } from './problem';
import { sessionFoundOf } from './session-auth';

/** A check Redis has not answered by then is decided by this process alone: a slow Redis must not slow every write. */
const REDIS_TIMEOUT_MS = 500;

export type LimitName = 'writes' | 'reads' | 'subscribe' | 'signin';

/** Counts kept in Redis, so every process draws on the same allowance. */
export interface SharedCounts {
  client: RedisClient;
  /** Keys start with this, so deployments sharing one Redis keep their counts apart. */
  prefix: string;
  log: Logger;
  /** Once for every check Redis could not answer. */
  onFailure(limit: LimitName): void;
}

export interface RateLimitOptions {
  name: LimitName;
  /** Sustained requests a minute; 0 turns the limit off. */
  perMinute: number;
  /** How many may come at once before the sustained rate applies. */
  burst: number;
  /** Which requests count, and whose allowance they take from. */
  keyOf: (req: Request, res: Response) => string | undefined;
  /** Without them, the counts are this process's own. */
  shared?: SharedCounts;
}

interface Verdict {
  allowed: boolean;
  state: RateLimiterRes;
}

/** rate-limiter-flexible resolves an allowed request and rejects a refused one with the same kind of result. */
async function consume(limiter: RateLimiterAbstract | RLWrapperTimeouts, key: string): Promise<Verdict> {
  try {
    return { allowed: true, state: await limiter.consume(key) };
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) return { allowed: false, state: outcome };
    throw outcome;
  }
}

/** A limiter whose counts are kept in Redis under the limit's name, which answers within REDIS_TIMEOUT_MS or fails. */
export function redisLimiter(name: LimitName, shared: SharedCounts, points: number, duration: number): RLWrapperTimeouts {
  return new RLWrapperTimeouts({
    limiter: new RateLimiterRedis({
      storeClient: shared.client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      keyPrefix: `${shared.prefix}:${name}`,
      points,
      duration,
      // A key already over its limit is refused here until its window ends, without asking Redis again.
      inMemoryBlockOnConsumed: points + 1,
    }),
    timeoutMs: REDIS_TIMEOUT_MS,
  });
}

/**
 * Redis first; when it cannot answer, this process's memory, so an outage of Redis never stops
 * the newsroom's writes (each process then allows the full limit on its own). The outage is
 * logged when it starts and when it ends, and every check it touched is counted.
 */
export function redisOrLocal(name: LimitName, shared: SharedCounts) {
  let failing = false;
  return async <T>(inRedis: () => Promise<T>, locally: () => Promise<T>): Promise<T> => {
    try {
      const result = await inRedis();
      if (failing) shared.log.info({ limit: name }, 'Redis answers rate-limit checks again: counting across the cluster');
      failing = false;
      return result;
    } catch (error) {
      if (!failing)
        shared.log.warn(
          { err: error, limit: name },
          'Redis did not answer a rate-limit check: each process counts on its own until it does',
        );
      failing = true;
      shared.onFailure(name);
      return locally();
    }
  };
}

function sharedCheck(name: LimitName, shared: SharedCounts, local: RateLimiterMemory, points: number, duration: number) {
  const redis = redisLimiter(name, shared, points, duration);
  const run = redisOrLocal(name, shared);
  return (key: string): Promise<Verdict> =>
    run(
      () => consume(redis, key),
      () => consume(local, key),
    );
}

/**
 * At most `burst` requests per key in a window of 60 × burst / perMinute seconds (6 s with the
 * default burst of a tenth), which sustains perMinute a minute. A 429 says when to come back
 * (`Retry-After`) and every answer carries the `RateLimit` and `RateLimit-Policy` headers, so a
 * wire script can pace itself.
 */
export function rateLimit({ name, perMinute, burst, keyOf, shared }: RateLimitOptions): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  const points = Math.max(1, Math.round(burst));
  const duration = Math.max(1, Math.round((points * 60) / perMinute));
  const local = new RateLimiterMemory({ points, duration });
  const check = shared ? sharedCheck(name, shared, local, points, duration) : (key: string) => consume(local, key);

  return async (req, res, next) => {
    const key = keyOf(req, res);
    if (key === undefined) {
      next();
      return;
    }
    const { allowed, state } = await check(key);
    const untilNext = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    res.set('RateLimit-Policy', `${perMinute};w=60;burst=${points}`);
    res.set('RateLimit', `limit=${points}, remaining=${state.remainingPoints}, reset=${untilNext}`);
    if (!allowed) {
      res.set('Retry-After', String(untilNext));
      throw new HttpProblem(
        problems.rateLimited(`The limit is ${perMinute} a minute with bursts of ${points}; try again in ${untilNext} s.`),
      );
    }
    next();
  };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Writes count against the token that sends them (the admin token included), whether as a bearer
 * token or through a browser session opened with it, so signing in from several addresses draws
 * on one allowance; the address counts only without either. Runs after the session middleware.
 */
export function writeKey(req: Request, res: Response): string | undefined {
  if (!WRITE_METHODS.has(req.method)) return undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  if (bearer) return `token:${createHash('sha256').update(bearer).digest('hex')}`;
  const found = sessionFoundOf(res);
  return found.state === 'live' ? `token:${found.tokenHash}` : `ip:${req.ip}`;
}

/** Reads count against the address they come from: req.ip, which believes X-Forwarded-For only as TRUST_PROXY says. */
export function readKey(req: Request): string | undefined {
  return req.method === 'GET' || req.method === 'HEAD' ? `ip:${req.ip}` : undefined;
}
