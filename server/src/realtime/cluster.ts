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

/** Keeps a rejection of `method`'s promise, which the adapter does not keep, from going unhandled; its caller still gets it. */
function catchDropped<M extends 'publish' | 'subscribe' | 'sSubscribe'>(client: Record<M, unknown>, method: M): void {
  const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
  Object.defineProperty(client, method, {
    value: (...args: unknown[]) => {
      const sent = original(...args);
      sent.catch(() => undefined);
      return sent;
    },
  });
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
  catchDropped(redis, 'publish');
  // It drops the SUBSCRIBE of its subscriber client (a duplicate of this one) too, and closing it
  // while that is under way, as a restart just after a start does, rejects it: nothing is lost then.
  const duplicate = redis.duplicate.bind(redis);
  Object.defineProperty(redis, 'duplicate', {
    value: (...args: Parameters<typeof duplicate>) => {
      const copy = duplicate(...args);
      catchDropped(copy, 'subscribe');
      catchDropped(copy, 'sSubscribe');
      return copy;
    },
  });
  // What the adapter sends over pub/sub (server-side events: every change, presence) goes on a
  // channel named by its prefix, not by the stream: left at its default, every fleet on this Redis
  // heard every other's changes, took their seqs as its own, and dropped its own as already sent.
  io.adapter(createAdapter(redis, { streamName, channelPrefix: streamName }));
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
