import pg from 'pg';
import type { Change, ScheduledUpdate, Treaty, Update } from '@treaty-watch/shared';
import type { Store, StoreTx } from '../store';
import { StoreUnavailableError } from '../store-unavailable';
import { migratePg } from './pg-migrations';
import { pgSessions } from './pg-sessions';
import { lockedTransaction, pgSql } from './pg-sql';
import { subscriptionStore } from '../subscription-sql';
import { pgSearchReader, pgSearchWriter } from './pg-search';
import { pgWebhookReads, pgWebhookTx } from './pg-webhooks';
import { outcomeCode, toAudit, toEntry, toIdempotency, toToken, type AuditRow, type EventRow, type IdempotencyRow, type TokenRow } from '../rows';

/** Connection trouble, a full disk or a server shutting down: the storage, not the request. */
function unavailable(error: unknown): unknown {
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  const storage = /^(08|53|57P)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code);
  const message = error instanceof Error ? error.message : String(error);
  return storage || /Connection terminated|connect ECONNREFUSED/.test(message)
    ? new StoreUnavailableError(`the database is unavailable (${code || message})`, error)
    : error;
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw unavailable(error);
  }
}

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
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
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

  function txOf(client: pg.PoolClient): StoreTx {
    const first = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<R>(sql, params)).rows[0];
    const searchIndex = pgSearchWriter(client);
    return {
      ...pgWebhookTx(client),
      async isEmpty() {
        return (await first('SELECT 1 FROM events LIMIT 1')) === undefined;
      },
      async append(entry) {
        const head = await first<{ seq: number }>('UPDATE log_head SET seq = seq + 1 RETURNING seq');
        const seq = head?.seq ?? 0;
        await client.query(
          'INSERT INTO events (seq, kind, treaty_id, effective_at, recorded_at, actor, payload) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [seq, entry.payload.kind, entry.treatyId, entry.effectiveAt, entry.recordedAt, entry.actor, entry.payload],
        );
        return { ...entry, seq };
      },
      async recordChange(change: Change) {
        await client.query('UPDATE events SET change = $1 WHERE seq = $2', [change, change.seq]);
      },
      async getTreaty(id) {
        return (await first<{ data: Treaty }>('SELECT data FROM treaties WHERE id = $1', [id]))?.data;
      },
      async getUpdate(id) {
        return (await first<{ data: Update }>('SELECT data FROM updates WHERE id = $1', [id]))?.data;
      },
      async treatyUpdates(id) {
        return data((await client.query<{ data: Update }>('SELECT data FROM updates WHERE treaty_id = $1 ORDER BY occurred_at DESC, seq DESC', [id])).rows);
      },
      async treatyLog(id) {
        const { rows } = await client.query<EventRow>('SELECT * FROM events WHERE treaty_id = $1 ORDER BY effective_at, seq', [id]);
        return rows.map(toEntry);
      },
      async latestEffectiveAt(id) {
        return (await first<{ latest: string | null }>('SELECT MAX(effective_at) AS latest FROM events WHERE treaty_id = $1', [id]))?.latest ?? undefined;
      },
      async saveTreaty(treaty) {
        await client.query('INSERT INTO treaties (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = excluded.data', [treaty.id, treaty]);
      },
      async saveUpdate(update) {
        await client.query(
          `INSERT INTO updates (id, seq, treaty_id, occurred_at, data) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET occurred_at = excluded.occurred_at, data = excluded.data`,
          [update.id, update.seq, update.treatyId, update.occurredAt, update],
        );
        await searchIndex.saveUpdate(update);
      },
      async audit(entry) {
        await client.query('INSERT INTO audit (at, actor, token_id, action, target, seq) VALUES ($1, $2, $3, $4, $5, $6)', [
          entry.at,
          entry.actor,
          entry.tokenId,
          entry.action,
          entry.target,
          entry.seq ?? null,
        ]);
      },
      async createToken(token) {
        await client.query('INSERT INTO tokens (id, name, role, treaties, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          token.id,
          token.name,
          token.role,
          token.treaties ? JSON.stringify(token.treaties) : null,
          token.hash,
          token.createdAt,
        ]);
      },
      async revokeToken(id, at) {
        const revoked = await first<TokenRow>('UPDATE tokens SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 RETURNING *', [at, id]);
        return revoked && toToken(revoked);
      },
      async tokensNamed(name) {
        const { rows } = await client.query<TokenRow>('SELECT * FROM tokens WHERE lower(name) = lower($1) ORDER BY created_at, id', [name]);
        return rows.map(toToken);
      },
      async findIdempotency(tokenId, key) {
        return toIdempotency(await first<IdempotencyRow>('SELECT * FROM idempotency WHERE token_id = $1 AND key = $2', [tokenId, key]));
      },
      async getScheduled(id) {
        return (await first<{ data: ScheduledUpdate }>('SELECT data FROM scheduled_updates WHERE id = $1', [id]))?.data;
      },
      async saveScheduled(scheduled) {
        await client.query(
          `INSERT INTO scheduled_updates (id, treaty_id, publish_at, state, data) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET publish_at = excluded.publish_at, state = excluded.state, data = excluded.data`,
          [scheduled.id, scheduled.treatyId, scheduled.publishAt, scheduled.state, scheduled],
        );
        await searchIndex.saveScheduled(scheduled);
      },
      async saveIdempotency(record, expireBefore) {
        await client.query('DELETE FROM idempotency WHERE created_at < $1', [expireBefore]);
        await client.query(
          'INSERT INTO idempotency (token_id, key, fingerprint, status, response, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [record.tokenId, record.key, record.fingerprint, outcomeCode(record.outcome), JSON.stringify(record.response), record.createdAt],
        );
      },
    };
  }

  return {
    ...pgWebhookReads(all),
    kind: 'postgres',
    sessions: pgSessions(pool),
    subscriptions: subscriptionStore(pgSql(pool, 'mail')),
    transaction(work) {
      // Writers take turns, in every process, until they commit: the seq is gap-free and in
      // commit order, and a write never projects from a state another write is changing.
      // An advisory lock rather than FOR UPDATE on the head row: waiters then do not queue on
      // a row version each writer replaces (three times the throughput with 8 writers).
      return guard(() => lockedTransaction(pool, 'log', (client) => work(txOf(client))));
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
      const rows = await all<{ change: Change }>('SELECT change FROM events WHERE seq > $1 AND change IS NOT NULL ORDER BY seq LIMIT $2', [seq, limit]);
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
    async close() {
      await pool.end();
    },
  };
}
