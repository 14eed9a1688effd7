/**
 * The environment of a server a test or a benchmark spawns: on loopback, quiet, never rate
 * limited, on SQLite in `dataDir` and without Redis, whatever CI exports, unless `env` says
 * otherwise.
 */
export function spawnedServerEnv(port: number, dataDir: string, adminToken: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_TOKEN: adminToken,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_WRITES: '0',
    RATE_LIMIT_READS: '0',
    DATABASE_URL: '',
    REDIS_URL: '',
    ...env,
  };
}
