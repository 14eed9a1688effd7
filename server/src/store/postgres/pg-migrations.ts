import type pg from 'pg';
import { laterMigrations, rebuildVersions } from '../later-migrations';
import { COLUMN_TYPES, releasedTables } from '../released-tables';
import { URL_HOLDERS, withNormalisedUrls } from '../stored-urls';
import { indexExistingPg } from './pg-search';

/** SQL, or a step that needs code (building an index from what is stored, say). */
type Migration = string | ((client: pg.PoolClient) => Promise<void>);

const RELEASED = releasedTables(COLUMN_TYPES.postgres);
const REBUILDS = { indexExisting: indexExistingPg, normaliseStoredUrls };

/** Append-only, like SQLite's: a released migration is never edited; a change is a new version. */
const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE log_head (only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row), seq BIGINT NOT NULL);
  INSERT INTO log_head (seq) VALUES (0);${RELEASED.events}
  CREATE TABLE treaties (
    id TEXT PRIMARY KEY,
    position BIGINT GENERATED ALWAYS AS IDENTITY,
    data JSONB NOT NULL
  );${RELEASED.updates}
  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    treaties JSONB,
    hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );${RELEASED.audit}${RELEASED.idempotency}
  `,
  RELEASED.scheduledUpdates,
  RELEASED.webhooks,
  ...laterMigrations(REBUILDS),
];

async function normaliseStoredUrls(client: pg.PoolClient): Promise<void> {
  for (const { table, column, keys } of URL_HOLDERS) {
    const where = keys.map((key, index) => `${key} = $${index + 2}`).join(' AND ');
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT ${keys.join(', ')}, ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL`,
    );
    for (const row of rows) {
      const rewritten = withNormalisedUrls(row.value);
      if (rewritten !== undefined)
        await client.query(`UPDATE ${table} SET ${column} = $1::jsonb WHERE ${where}`, [
          JSON.stringify(rewritten),
          ...keys.map((key) => row[key]),
        ]);
    }
  }
}

/** The versions of the steps that rebuild from what is stored, for a database from before them to be made again. */
export const MIGRATION_VERSIONS = rebuildVersions(MIGRATIONS, REBUILDS);

/**
 * Runs every migration not yet recorded (so one recorded out of order still runs once), under an
 * advisory lock, so processes starting together take turns.
 */
export async function migratePg(client: pg.PoolClient): Promise<void> {
  await client.query("SELECT pg_advisory_lock(hashtext('treaty-watch:migrate'))");
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    for (const [index, migration] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (applied.has(version)) continue;
      await client.query('BEGIN');
      try {
        if (typeof migration === 'string') await client.query(migration);
        else await migration(client);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('treaty-watch:migrate'))");
  }
}
