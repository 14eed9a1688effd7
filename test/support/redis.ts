import { createClient } from 'redis';

export const REDIS_URL = process.env.REDIS_URL || undefined;

/** The keys under a prefix, as a test finds them. */
export async function redisKeys(prefix: string): Promise<string[]> {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  const keys = await redis.keys(`${prefix}*`);
  await redis.quit();
  return keys;
}

/** Removes what a test left in the shared Redis under its own prefix (its stream, its rate-limit counts). */
export async function forgetKeys(prefix: string): Promise<void> {
  const keys = await redisKeys(prefix);
  if (!keys.length) return;
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  await redis.del(keys);
  await redis.quit();
}
