import type Database from 'better-sqlite3';
import { laterMigrations, rebuildVersions } from '../later-migrations';
import { COLUMN_TYPES, releasedTables } from '../released-tables';
import { URL_HOLDERS, withNormalisedUrls } from '../stored-urls';
import { indexExistingSqlite } from './sqlite-search';

/** SQL, or a step that needs code (building an index from what is stored, say). */
type Migration = string | ((db: Database.Database) => void);

const RELEASED = releasedTables(COLUMN_TYPES.sqlite);
const REBUILDS = { indexExisting: indexExistingSqlite, normaliseStoredUrls };

/** Append-only: a released migration is never edited; a change is a new version. */
const MIGRATIONS: readonly Migration[] = [
  `${RELEASED.events}
  CREATE TABLE treaties (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    data TEXT NOT NULL
  );${RELEASED.updates}
  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );
  `,
  `
  ALTER TABLE tokens ADD COLUMN treaties TEXT;${RELEASED.audit}${RELEASED.idempotency}
  `,
  RELEASED.scheduledUpdates,
  RELEASED.webhooks,
  ...laterMigrations(REBUILDS),
];

function normaliseStoredUrls(db: Database.Database): void {
  for (const { table, column, keys } of URL_HOLDERS) {
    const where = keys.map((key) => `${key} = @${key}`).join(' AND ');
    const update = db.prepare(`UPDATE ${table} SET ${column} = @value WHERE ${where}`);
    const rows = db.prepare(`SELECT ${keys.join(', ')}, ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL`).all() as Record<
      string,
      unknown
    >[];
    for (const row of rows) {
      const rewritten = withNormalisedUrls(JSON.parse(row.value as string));
      if (rewritten !== undefined) update.run({ ...row, value: JSON.stringify(rewritten) });
    }
  }
}

/** The versions of the steps that rebuild from what is stored, for a database from before them to be made again. */
export const MIGRATION_VERSIONS = rebuildVersions(MIGRATIONS, REBUILDS);

/** Runs every migration not yet recorded, so one recorded out of order (or removed) still runs once. */
export function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  MIGRATIONS.forEach((migration, index) => {
    const version = index + 1;
    if (applied.has(version)) return;
    db.transaction(() => {
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      record.run(version, new Date().toISOString());
    })();
  });
}
