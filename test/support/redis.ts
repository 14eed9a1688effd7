import { createClient } from 'redis';

export const REDIS_URL = process.env.REDIS_URL || undefined;

/** Removes what a test left in the shared Redis under its own prefix (its stream, its rate-limit counts). */
export async function forgetKeys(prefix: string): Promise<void> {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(keys);
  await redis.quit();
}
