import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Logger } from '../log';
import type { BoardServer } from './board-server';

export type RedisClient = ReturnType<typeof createClient>;

export interface Cluster {
  /** The connected client, for whatever else the processes share (rate-limit counts). */
  redis: RedisClient;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Several server processes share fan-out through one Redis stream. The streams adapter, rather
 * than pub/sub, because a process that loses Redis for a moment reads on from where it stopped
 * instead of silently missing what was sent meanwhile.
 */
export async function joinCluster(io: BoardServer, url: string, streamName: string, log: Logger): Promise<Cluster> {
  const redis = createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(retries * 200, 5000) } });
  redis.on('error', (error: Error) => log.warn({ err: error }, 'Redis connection trouble'));
  await redis.connect();
  // The streams adapter (0.3.1) drops the promise of the PUBLISH that carries a serverSideEmit: had
  // Redis gone away meanwhile, its rejection went unhandled and ended the process, stopping writes.
  // Such a message is lost, as the adapter says of an outage, and the error above is logged already.
  const publish = redis.publish.bind(redis);
  Object.defineProperty(redis, 'publish', {
    value: (...args: Parameters<typeof publish>) => {
      const sent = publish(...args);
      sent.catch(() => undefined);
      return sent;
    },
  });
  io.adapter(createAdapter(redis, { streamName }));
  return {
    redis,
    async ping() {
      await redis.ping();
    },
    async close() {
      await redis.quit().catch(() => redis.destroy());
    },
  };
}
