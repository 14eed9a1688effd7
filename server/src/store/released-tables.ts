/**
 * The column types in which the two stores' tables differ: PostgreSQL keeps JSON as JSONB and a
 * number as BIGINT, SQLite keeps them as TEXT and INTEGER, and each numbers rows its own way:
 * `eventSeq` is the log's seq (PostgreSQL takes it from `log_head` under the write lock, SQLite
 * counts it itself), `rowId` a row id the database hands out.
 */
export const COLUMN_TYPES = {
  postgres: { integer: 'BIGINT', json: 'JSONB', eventSeq: 'BIGINT PRIMARY KEY', rowId: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY' },
  sqlite: { integer: 'INTEGER', json: 'TEXT', eventSeq: 'INTEGER PRIMARY KEY AUTOINCREMENT', rowId: 'INTEGER PRIMARY KEY AUTOINCREMENT' },
} as const;
export type ColumnTypes = (typeof COLUMN_TYPES)[keyof typeof COLUMN_TYPES];

/**
 * Tables of released migrations both stores took, written once in each store's column types:
 * each store's migrations put them in its own versions. Append-only like every migration: what a
 * store ran is what this gives it, so none of it is ever edited.
 */
export const releasedTables = ({ integer, json, eventSeq, rowId }: ColumnTypes) => ({
  events: `
  CREATE TABLE events (
    seq ${eventSeq},
    kind TEXT NOT NULL,
    treaty_id TEXT NOT NULL,
    effective_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    payload ${json} NOT NULL,
    change ${json}
  );
  CREATE INDEX events_by_treaty ON events (treaty_id, effective_at, seq);`,
  updates: `
  CREATE TABLE updates (
    id TEXT PRIMARY KEY,
    seq ${integer} NOT NULL UNIQUE,
    treaty_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    data ${json} NOT NULL
  );
  CREATE INDEX updates_by_treaty ON updates (treaty_id, occurred_at, seq);`,
  audit: `
  CREATE TABLE audit (
    id ${rowId},
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    token_id TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    seq ${integer}
  );`,
  /** Answers kept for `Idempotency-Key`, so a retried write is answered as the first was. */
  idempotency: `
  CREATE TABLE idempotency (
    token_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    response ${json} NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (token_id, key)
  );
  CREATE INDEX idempotency_by_age ON idempotency (created_at);`,
  /** Embargoed updates, held until their time. */
  scheduledUpdates: `
  CREATE TABLE scheduled_updates (
    id TEXT PRIMARY KEY,
    treaty_id TEXT NOT NULL,
    publish_at TEXT NOT NULL,
    state TEXT NOT NULL,
    data ${json} NOT NULL
  );
  CREATE INDEX scheduled_by_state ON scheduled_updates (state, publish_at);`,
  /** Webhook endpoints and the outbox of their deliveries. */
  webhooks: `
  CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    data ${json} NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    endpoint_id TEXT NOT NULL,
    seq ${integer} NOT NULL,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    data ${json} NOT NULL,
    UNIQUE (endpoint_id, seq)
  );
  CREATE INDEX deliveries_by_endpoint ON webhook_deliveries (endpoint_id, state, seq);
  CREATE INDEX deliveries_by_age ON webhook_deliveries (state, created_at);
  CREATE INDEX deliveries_due ON webhook_deliveries (state, next_attempt_at);`,
});
