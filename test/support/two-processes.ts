import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { forgetKeys, REDIS_URL } from './redis';
import { spawnServer, type SpawnedServer } from './spawned-server';
import { pgSchema } from './stores';
import { tempDir } from './temp-dir';

/**
 * Two server processes on a PostgreSQL schema and a Redis stream of the describe's own, started
 * before its tests; afterwards both stop and what they stored is removed.
 */
export function useTwoProcesses(name: string, env: Record<string, string> = {}) {
  const stream = `treaty-watch-${name}-${randomBytes(4).toString('hex')}`;
  const data = tempDir(name);
  let servers: [SpawnedServer, SpawnedServer] | undefined;
  let removeSchema: (() => Promise<void>) | undefined;
  const started = () => {
    if (!servers) throw new Error('the two processes have not started');
    return servers;
  };

  beforeAll(async () => {
    const pg = await pgSchema();
    removeSchema = pg.remove;
    const all = { ...env, DATABASE_URL: pg.url, REDIS_URL: REDIS_URL ?? '', REDIS_STREAM: stream };
    servers = await Promise.all([spawnServer(data.dir, undefined, all), spawnServer(data.dir, undefined, all)]);
  });
  afterAll(async () => {
    await Promise.all((servers ?? []).map((server) => server.stop()));
    await removeSchema?.();
    await forgetKeys(stream);
    data.remove();
  });

  return {
    stream,
    dir: data.dir,
    get a() {
      return started()[0];
    },
    get b() {
      return started()[1];
    },
  };
}
