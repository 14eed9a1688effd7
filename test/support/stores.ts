import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { seedBoard } from '../../server/src/seed/seed-board';
import { openPgStore } from '../../server/src/store/postgres/pg-store';
import { openSqliteStore } from '../../server/src/store/sqlite/sqlite-store';
import type { Store } from '../../server/src/store/store';
import { tempDir } from './temp-dir';

export const DATABASE_URL = process.env.DATABASE_URL || undefined;
export const POSTGRES_MISSING =
  'PostgreSQL tests skipped: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them; CI sets it.';

export interface TestStore {
  store: Store;
  /** Opens the same database again, as a second process or a restart would. */
  reopen: () => Promise<Store>;
  remove: () => Promise<void>;
}

export async function sqliteTestStore(): Promise<TestStore> {
  const dir = tempDir('store');
  const store = openSqliteStore(dir.dir);
  return { store, reopen: async () => openSqliteStore(dir.dir), remove: async () => dir.remove() };
}

/** A PostgreSQL store in a schema of its own, dropped afterwards. */
export async function pgTestStore(url = DATABASE_URL): Promise<TestStore & { schema: string }> {
  if (!url) throw new Error(POSTGRES_MISSING);
  const schema = `tw_test_${randomBytes(6).toString('hex')}`;
  const store = await openPgStore(url, { schema });
  return {
    store,
    schema,
    reopen: () => openPgStore(url, { schema }),
    async remove() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** A PostgreSQL schema of its own, its tables made and its connection closed, for servers that open it themselves. */
export async function pgSchema(url = DATABASE_URL): Promise<{ schema: string; url: string; remove: () => Promise<void> }> {
  const pg = await pgTestStore(url);
  await pg.store.close();
  return { schema: pg.schema, url: urlForSchema(pg.schema, url), remove: pg.remove };
}

/** DATABASE_URL with its connections put in `schema`, for a server started as a separate process. */
export function urlForSchema(schema: string, url = DATABASE_URL ?? ''): string {
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/**
 * A describe block's store, opened before its tests and closed and removed after them;
 * `seededAt` seeds the board into it first. Read `store` inside tests: it exists from beforeAll on.
 */
export function useStore(open: () => Promise<TestStore>, options: { seededAt?: Date } = {}) {
  let handle: TestStore | undefined;
  beforeAll(async () => {
    handle = await open();
    if (options.seededAt) await seedBoard(handle.store, options.seededAt);
  });
  afterAll(async () => {
    await handle?.store.close();
    await handle?.remove();
  });
  return {
    get handle(): TestStore {
      if (!handle) throw new Error('the store opens in beforeAll');
      return handle;
    },
    get store(): Store {
      return this.handle.store;
    },
  };
}
