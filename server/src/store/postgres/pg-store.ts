import pg from 'pg';
import type { Change, ScheduledUpdate, Treaty, Update } from '@treaty-watch/shared';
import { GroupCommit } from '../group-commit';
import type { Store } from '../store';
import { WriteLock } from '../write-lock';
import { pgBatches } from './pg-batch';
import { guard, unavailable } from './pg-errors';
import { migratePg } from './pg-migrations';
import { pgSessions } from './pg-sessions';
import { pgSql } from './pg-sql';
import { subscriptionStore } from '../subscription-sql';
import { pgSearchReader } from './pg-search';
import { pgTx } from './pg-tx';
import { pgWebhookReads } from './pg-webhooks';
import { toAudit, toEntry, toIdempotency, toToken, type AuditRow, type EventRow, type IdempotencyRow, type TokenRow } from '../rows';

// BIGINT (seq, ids) arrives as text by default; every value we keep fits a JS number.
const INT8: number = pg.types.builtins.INT8;
const parserOf = pg.types.getTypeParser as (oid: number, format?: string) => (value: string) => unknown;
const types = {
  getTypeParser: ((oid: number, format?: string) => (oid === INT8 ? Number : parserOf(oid, format))) as typeof pg.types.getTypeParser,
};

const data = <T>(rows: { data: T }[]): T[] => rows.map((row) => row.data);

export interface PgOptions {
  /** A schema of its own (created if missing): how tests keep apart on one database. */
  schema?: string;
}

/** The PostgreSQL store: several server processes may share it. */
export async function openPgStore(url: string, options: PgOptions = {}): Promise<Store> {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
  const connection = { connectionString: url, types, ...(schema ? { options: `-c search_path=${schema}` } : {}) };
  const pool = new pg.Pool({ ...connection, max: 10 });
  // Writes take turns on the log's lock, so one connection serves them all; pipelined, a write
  // waits on the wire for its reads and its end only. Kept open while idle, with its statements
  // prepared.
  const writer = new pg.Pool({ ...connection, max: 1, pipeline: true, idleTimeoutMillis: 0 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  writer.on('error', () => undefined);
  const setup = await pool.connect();
  try {
    if (schema) await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migratePg(setup);
  } finally {
    setup.release();
  }

  const one = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    guard(async () => (await pool.query<R>(sql, params)).rows[0]);
  const all = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    guard(async () => (await pool.query<R>(sql, params)).rows);

  const groupCommit = new GroupCommit(new WriteLock(), pgBatches(writer, pgTx), unavailable);

  return {
    ...pgWebhookReads(all),
    kind: 'postgres',
    sessions: pgSessions(pool),
    subscriptions: subscriptionStore(pgSql(pool, 'mail')),
    transaction(work) {
      return groupCommit.run(work);
    },
    async currentSeq() {
      return (await one<{ seq: number }>('SELECT seq FROM log_head'))?.seq ?? 0;
    },
    async isEmpty() {
      return (await one('SELECT 1 FROM events LIMIT 1')) === undefined;
    },
    async listTreaties() {
      return data(await all<{ data: Treaty }>('SELECT data FROM treaties ORDER BY position'));
    },
    async getTreaty(id) {
      return (await one<{ data: Treaty }>('SELECT data FROM treaties WHERE id = $1', [id]))?.data;
    },
    async getUpdate(id) {
      return (await one<{ data: Update }>('SELECT data FROM updates WHERE id = $1', [id]))?.data;
    },
    async treatyUpdates(id) {
      return data(await all<{ data: Update }>('SELECT data FROM updates WHERE treaty_id = $1 ORDER BY occurred_at DESC, seq DESC', [id]));
    },
    async updatesAfter(seq, limit) {
      return data(await all<{ data: Update }>('SELECT data FROM updates WHERE seq > $1 ORDER BY seq LIMIT $2', [seq, limit]));
    },
    async latestUpdates(limit) {
      return data(
        await all<{ data: Update }>(
          "SELECT u.data FROM updates u JOIN events e ON e.seq = u.seq WHERE e.change->>'backfill' IS NULL ORDER BY u.seq DESC LIMIT $1",
          [limit],
        ),
      );
    },
    async updatesSince(from) {
      return data(await all<{ data: Update }>('SELECT data FROM updates WHERE occurred_at >= $1', [from]));
    },
    async changesAfter(seq, limit) {
      const rows = await all<{ change: Change }>('SELECT change FROM events WHERE seq > $1 AND change IS NOT NULL ORDER BY seq LIMIT $2', [
        seq,
        limit,
      ]);
      return rows.map((row) => row.change);
    },
    async logEntries(afterSeq, limit) {
      return (await all<EventRow>('SELECT * FROM events WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit])).map(toEntry);
    },
    async findTokenByHash(hash) {
      const row = await one<TokenRow>('SELECT * FROM tokens WHERE hash = $1', [hash]);
      return row && toToken(row);
    },
    async getToken(id) {
      const row = await one<TokenRow>('SELECT * FROM tokens WHERE id = $1', [id]);
      return row && toToken(row);
    },
    async listTokens() {
      return (await all<TokenRow>('SELECT * FROM tokens ORDER BY created_at, name')).map(toToken);
    },
    async touchToken(id, at) {
      await guard(() => pool.query('UPDATE tokens SET last_used_at = $1 WHERE id = $2', [at, id]));
    },
    async auditEntries(before, limit, filter = {}) {
      const { token = null, treaty = null, kind = null } = filter;
      // A treaty's entries name the treaty, or one of its updates or embargoes.
      const rows = await all<AuditRow>(
        `SELECT * FROM audit WHERE id < $1
         AND ($3::text IS NULL OR token_id = $3) AND ($5::text IS NULL OR action = $5)
         AND ($4::text IS NULL OR target = $4 OR target IN (SELECT id FROM updates WHERE treaty_id = $4)
              OR target IN (SELECT id FROM scheduled_updates WHERE treaty_id = $4))
         ORDER BY id DESC LIMIT $2`,
        [before ?? Number.MAX_SAFE_INTEGER, limit, token, treaty, kind],
      );
      return rows.map(toAudit);
    },
    async auditEntriesAfter(after, limit) {
      return (await all<AuditRow>('SELECT * FROM audit WHERE id > $1 ORDER BY id LIMIT $2', [after, limit])).map(toAudit);
    },
    async findIdempotency(tokenId, key) {
      return toIdempotency(await one<IdempotencyRow>('SELECT * FROM idempotency WHERE token_id = $1 AND key = $2', [tokenId, key]));
    },
    async getScheduled(id) {
      return (await one<{ data: ScheduledUpdate }>('SELECT data FROM scheduled_updates WHERE id = $1', [id]))?.data;
    },
    async listScheduled(state, limit, treaties) {
      return data(
        await all<{ data: ScheduledUpdate }>(
          `SELECT data FROM scheduled_updates WHERE ($1::text IS NULL OR state = $1)
           AND ($3::jsonb IS NULL OR treaty_id IN (SELECT jsonb_array_elements_text($3::jsonb))) ORDER BY publish_at DESC, id LIMIT $2`,
          [state ?? null, limit, treaties ? JSON.stringify(treaties) : null],
        ),
      );
    },
    async dueScheduled(at, limit) {
      return data(
        await all<{ data: ScheduledUpdate }>(
          "SELECT data FROM scheduled_updates WHERE state = 'scheduled' AND publish_at <= $1 ORDER BY publish_at, id LIMIT $2",
          [at, limit],
        ),
      );
    },
    searchUpdates: pgSearchReader(all),
    close() {
      return groupCommit.close(async () => {
        await Promise.all([writer.end(), pool.end()]);
      });
    },
  };
}
