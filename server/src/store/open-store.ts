import type { Config } from '../config';
import { openPgStore } from './postgres/pg-store';
import { openSqliteStore } from './sqlite/sqlite-store';
import type { Store } from './store';

/** PostgreSQL when DATABASE_URL is set, the embedded SQLite file otherwise. */
export function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  return config.databaseUrl ? openPgStore(config.databaseUrl) : Promise.resolve(openSqliteStore(config.dataDir));
}
