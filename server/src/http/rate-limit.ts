import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { HttpProblem, problems } from './problem';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface RateLimitOptions {
  /** Sustained requests a minute; 0 turns the limit off. */
  perMinute: number;
  /** How many may come at once before the sustained rate applies. */
  burst: number;
  /** Which requests count, and whose bucket they take from. */
  keyOf(req: Request): string | undefined;
}

/** Idle buckets are forgotten once they would be full again anyway. */
const PRUNE_EVERY = 1000;

/**
 * A token bucket per key. A 429 says when to come back (`Retry-After`) and every answer carries
 * the `RateLimit` and `RateLimit-Policy` headers, so a wire script can pace itself.
 */
export function rateLimit({ perMinute, burst, keyOf }: RateLimitOptions): RequestHandler {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  let requests = 0;

  function prune(now: number): void {
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * perMs >= burst) buckets.delete(key);
    }
  }

  return (req, res, next) => {
    const key = perMinute > 0 ? keyOf(req) : undefined;
    if (key === undefined) return next();
    const now = Date.now();
    if (++requests % PRUNE_EVERY === 0) prune(now);
    const bucket = buckets.get(key) ?? { tokens: burst, updatedAt: now };
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) * perMs);
    bucket.updatedAt = now;
    buckets.set(key, bucket);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const remaining = Math.floor(bucket.tokens);
    const untilNext = Math.ceil((1 - (bucket.tokens % 1)) / perMs / 1000);
    const untilFull = Math.ceil((burst - bucket.tokens) / perMs / 1000);
    res.set('RateLimit-Policy', `${perMinute};w=60;burst=${burst}`);
    res.set('RateLimit', `limit=${burst}, remaining=${remaining}, reset=${untilFull}`);
    if (allowed) return next();
    res.set('Retry-After', String(Math.max(1, untilNext)));
    throw new HttpProblem(
      problems.rateLimited(`The limit is ${perMinute} a minute with bursts of ${burst}; try again in ${Math.max(1, untilNext)} s.`),
    );
  };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Writes count against the token that sends them (the admin token included), or the address without one. */
export function writeKey(req: Request): string | undefined {
  if (!WRITE_METHODS.has(req.method)) return undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  return bearer ? `token:${createHash('sha256').update(bearer).digest('hex')}` : `ip:${req.ip}`;
}

/** Reads count against the address they come from. */
export function readKey(req: Request): string | undefined {
  return req.method === 'GET' || req.method === 'HEAD' ? `ip:${req.ip}` : undefined;
}
