import type Database from 'better-sqlite3';
import { laterMigrations, rebuildVersions } from '../later-migrations';
import { URL_HOLDERS, withNormalisedUrls } from '../stored-urls';
import { indexExistingSqlite } from './sqlite-search';

/** SQL, or a step that needs code (building an index from what is stored, say). */
type Migration = string | ((db: Database.Database) => void);

const REBUILDS = { indexExisting: indexExistingSqlite, normaliseStoredUrls };

/** Append-only: a released migration is never edited; a change is a new version. */
const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    treaty_id TEXT NOT NULL,
    effective_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    payload TEXT NOT NULL,
    change TEXT
  );
  CREATE INDEX events_by_treaty ON events (treaty_id, effective_at, seq);
  CREATE TABLE treaties (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE updates (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    treaty_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX updates_by_treaty ON updates (treaty_id, occurred_at, seq);
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
  ALTER TABLE tokens ADD COLUMN treaties TEXT;
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    token_id TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    seq INTEGER
  );
  CREATE TABLE idempotency (
    token_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (token_id, key)
  );
  CREATE INDEX idempotency_by_age ON idempotency (created_at);
  `,
  `
  CREATE TABLE scheduled_updates (
    id TEXT PRIMARY KEY,
    treaty_id TEXT NOT NULL,
    publish_at TEXT NOT NULL,
    state TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX scheduled_by_state ON scheduled_updates (state, publish_at);
  `,
  `
  CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    endpoint_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (endpoint_id, seq)
  );
  CREATE INDEX deliveries_by_endpoint ON webhook_deliveries (endpoint_id, state, seq);
  CREATE INDEX deliveries_by_age ON webhook_deliveries (state, created_at);
  CREATE INDEX deliveries_due ON webhook_deliveries (state, next_attempt_at);
  `,
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
