import type { Config } from '../config';
import type { Logger } from '../log';
import { rateLimit, readKey, writeKey, type LimitName, type RateLimitOptions, type SharedCounts } from './rate-limit';
import { signInFailures, type SignInRefusal } from './sign-in-failures';

/**
 * The HTTP rate limits of one process: reads and writes as configured, new subscriptions per
 * address, failed sign-ins per address. With Redis, one allowance for the whole cluster: N
 * processes must not allow N times the limit.
 */
export function requestLimits(
  config: Pick<Config, 'rateLimits' | 'redis' | 'signInFailuresPerMinute'>,
  options: {
    redis: SharedCounts['client'] | undefined;
    log: Logger;
    onRedisFailure: SharedCounts['onFailure'];
    onSignInRefused: (reason: SignInRefusal) => void;
  },
) {
  const shared: SharedCounts | undefined =
    options.redis && config.redis
      ? { client: options.redis, prefix: `${config.redis.stream}:rate-limit`, log: options.log, onFailure: options.onRedisFailure }
      : undefined;
  const limit = (name: LimitName, perMinute: number, burst: number, keyOf: RateLimitOptions['keyOf']) =>
    rateLimit({ name, perMinute, burst, keyOf, ...(shared ? { shared } : {}) });
  return {
    reads: limit('reads', config.rateLimits.reads, config.rateLimits.reads / 10, readKey),
    writes: limit('writes', config.rateLimits.writes, config.rateLimits.writes / 10, writeKey),
    subscribe: limit('subscribe', config.rateLimits.subscribe ?? 0, 5, (req) => `ip:${req.ip}`),
    signInFailures: signInFailures(config.signInFailuresPerMinute, options.log, options.onSignInRefused, shared),
  };
}
