import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Change, ScheduledUpdate, Treaty, Update } from '@treaty-watch/shared';
import type { NewLogEntry } from '../log-entry';
import type { Store, StoreTx } from '../store';
import {
  outcomeCode,
  toAudit,
  toEntry,
  toIdempotency,
  toToken,
  type AuditRow,
  type EventRow,
  type IdempotencyRow,
  type TokenRow,
} from '../rows';
import { WriteLock } from '../write-lock';
import { GroupCommit } from '../group-commit';
import { sqliteBatches } from './sqlite-batch';
import { parseData, parseEach, parseOne } from './json-columns';
import { projectionReads } from './sqlite-projection-reads';
import { migrate } from './migrations';
import { sqliteSessions } from './sqlite-sessions';
import { sqliteSql } from './sqlite-sql';
import { subscriptionStore } from '../subscription-sql';
import { sqliteSearchReader, sqliteSearchWriter } from './sqlite-search';
import { sqliteWebhooks } from './sqlite-webhooks';
import { StoreUnavailableError } from '../store-unavailable';

/** Failures of the storage underneath rather than of the request. */
const UNAVAILABLE = /^SQLITE_(FULL|IOERR|READONLY|BUSY|LOCKED|CANTOPEN|NOMEM|CORRUPT)/;

function unavailable(error: unknown): unknown {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && UNAVAILABLE.test(code)
    ? new StoreUnavailableError(`the database cannot be written (${code})`, error)
    : error;
}

export interface SqliteOptions {
  /** Refuse to grow the file past its size at open: how tests stand in for a full disk. */
  noGrowth?: boolean;
}

/** SQLite keeps JSON as text: parse it, and the rows read as PostgreSQL's do. */
type Text<Row, Field extends keyof Row> = Omit<Row, Field> & { [K in Field]: string | null };
// The store reads back the JSON it wrote itself, so this is where that JSON takes its type.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
const json = <T>(text: string | null): T => (text === null ? null : JSON.parse(text)) as T;
const fromEvent = (row: Text<EventRow, 'payload'>) => toEntry({ ...row, payload: json(row.payload) });
const fromToken = (row: Text<TokenRow, 'treaties'> | undefined) => row && toToken({ ...row, treaties: json(row.treaties) });
const fromIdempotency = (row: Text<IdempotencyRow, 'response'> | undefined) =>
  toIdempotency(row && { ...row, response: json(row.response) });

/** The embedded store: one SQLite file in WAL mode under `DATA_DIR`. */
export function openSqliteStore(dataDir: string, options: SqliteOptions = {}): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'treaty-watch.sqlite'));
  db.pragma('journal_mode = WAL');
  // FULL: a 201 means the update survives a power cut, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  if (options.noGrowth) db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  // Reads go through their own connection so they only ever see committed state, never a
  // write transaction that is still open (and may yet roll back) on the writer.
  const reader = new Database(path.join(dataDir, 'treaty-watch.sqlite'), { readonly: true });
  // A read can meet the writer recovering the WAL after a crash: wait for it, as writes do.
  reader.pragma('busy_timeout = 5000');

  const lock = new WriteLock();
  const q = {
    insertEvent: db.prepare(
      `INSERT INTO events (kind, treaty_id, effective_at, recorded_at, actor, payload)
       VALUES (@kind, @treatyId, @effectiveAt, @recordedAt, @actor, @payload)`,
    ),
    recordChange: db.prepare('UPDATE events SET change = ? WHERE seq = ?'),
    treatyLog: db.prepare('SELECT * FROM events WHERE treaty_id = ? ORDER BY effective_at, seq'),
    latestEffectiveAt: db.prepare('SELECT MAX(effective_at) FROM events WHERE treaty_id = ?').pluck(),
    saveTreaty: db.prepare(
      `INSERT INTO treaties (id, position, data) VALUES (@id, (SELECT COUNT(*) FROM treaties), @data)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data`,
    ),
    saveUpdate: db.prepare(
      `INSERT INTO updates (id, seq, treaty_id, occurred_at, data) VALUES (@id, @seq, @treatyId, @occurredAt, @data)
       ON CONFLICT (id) DO UPDATE SET occurred_at = excluded.occurred_at, data = excluded.data`,
    ),
    currentSeq: reader.prepare("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)").pluck(),
    anyEvent: reader.prepare('SELECT 1 FROM events LIMIT 1').pluck(),
    writerAnyEvent: db.prepare('SELECT 1 FROM events LIMIT 1').pluck(),
    listTreaties: reader.prepare('SELECT data FROM treaties ORDER BY position'),
    updatesAfter: reader.prepare('SELECT data FROM updates WHERE seq > ? ORDER BY seq LIMIT ?'),
    latestUpdates: reader.prepare(
      "SELECT u.data FROM updates u JOIN events e ON e.seq = u.seq WHERE json_extract(e.change, '$.backfill') IS NULL ORDER BY u.seq DESC LIMIT ?",
    ),
    updatesSince: reader.prepare('SELECT data FROM updates WHERE occurred_at >= ?'),
    changesAfter: reader.prepare('SELECT change FROM events WHERE seq > ? AND change IS NOT NULL ORDER BY seq LIMIT ?').pluck(),
    logEntries: reader.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
    createToken: db.prepare(
      `INSERT INTO tokens (id, name, role, treaties, hash, created_at) VALUES (@id, @name, @role, @treaties, @hash, @createdAt)`,
    ),
    readToken: reader.prepare('SELECT * FROM tokens WHERE id = ?'),
    audit: db.prepare(
      `INSERT INTO audit (at, actor, token_id, action, target, seq) VALUES (@at, @actor, @tokenId, @action, @target, @seq)`,
    ),
    // A treaty's entries name the treaty, or one of its updates or embargoes.
    auditBefore: reader.prepare(
      `SELECT * FROM audit WHERE id < @before
       AND (@token IS NULL OR token_id = @token) AND (@kind IS NULL OR action = @kind)
       AND (@treaty IS NULL OR target = @treaty OR target IN (SELECT id FROM updates WHERE treaty_id = @treaty)
            OR target IN (SELECT id FROM scheduled_updates WHERE treaty_id = @treaty))
       ORDER BY id DESC LIMIT @limit`,
    ),
    auditAfter: reader.prepare('SELECT * FROM audit WHERE id > ? ORDER BY id LIMIT ?'),
    findIdempotency: db.prepare('SELECT * FROM idempotency WHERE token_id = ? AND key = ?'),
    readIdempotency: reader.prepare('SELECT * FROM idempotency WHERE token_id = ? AND key = ?'),
    saveIdempotency: db.prepare(
      `INSERT INTO idempotency (token_id, key, fingerprint, status, response, created_at)
       VALUES (@tokenId, @key, @fingerprint, @status, @response, @createdAt)`,
    ),
    expireIdempotency: db.prepare('DELETE FROM idempotency WHERE created_at < ?'),
    tokenByHash: reader.prepare('SELECT * FROM tokens WHERE hash = ?'),
    listTokens: reader.prepare('SELECT * FROM tokens ORDER BY created_at, name'),
    tokenById: db.prepare('SELECT * FROM tokens WHERE id = ?'),
    tokensNamed: db.prepare('SELECT * FROM tokens WHERE lower(name) = lower(?) ORDER BY created_at, id'),
    revokeToken: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    touchToken: db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?'),
    scheduled: db.prepare('SELECT data FROM scheduled_updates WHERE id = ?').pluck(),
    saveScheduled: db.prepare(
      `INSERT INTO scheduled_updates (id, treaty_id, publish_at, state, data) VALUES (@id, @treatyId, @publishAt, @state, @data)
       ON CONFLICT (id) DO UPDATE SET publish_at = excluded.publish_at, state = excluded.state, data = excluded.data`,
    ),
    readScheduled: reader.prepare('SELECT data FROM scheduled_updates WHERE id = ?').pluck(),
    listScheduled: reader.prepare(
      `SELECT data FROM scheduled_updates WHERE (@state IS NULL OR state = @state)
       AND (@treaties IS NULL OR treaty_id IN (SELECT value FROM json_each(@treaties))) ORDER BY publish_at DESC, id LIMIT @limit`,
    ),
    dueScheduled: reader.prepare(
      "SELECT data FROM scheduled_updates WHERE state = 'scheduled' AND publish_at <= ? ORDER BY publish_at, id LIMIT ?",
    ),
  };

  const webhooks = sqliteWebhooks(db, reader);
  const searchIndex = sqliteSearchWriter(db);
  const searchUpdates = sqliteSearchReader(reader);
  const tx: StoreTx = {
    ...webhooks.tx,
    async isEmpty() {
      return q.writerAnyEvent.get() === undefined;
    },
    async append(entry: NewLogEntry) {
      const result = q.insertEvent.run({
        kind: entry.payload.kind,
        treatyId: entry.treatyId,
        effectiveAt: entry.effectiveAt,
        recordedAt: entry.recordedAt,
        actor: entry.actor,
        payload: JSON.stringify(entry.payload),
      });
      return { ...entry, seq: Number(result.lastInsertRowid) };
    },
    async recordChange(change: Change) {
      q.recordChange.run(JSON.stringify(change), change.seq);
    },
    ...projectionReads(db),
    async treatyLog(id) {
      return (q.treatyLog.all(id) as Text<EventRow, 'payload'>[]).map(fromEvent);
    },
    async latestEffectiveAt(id) {
      return (q.latestEffectiveAt.get(id) as string | null) ?? undefined;
    },
    async saveTreaty(treaty) {
      q.saveTreaty.run({ id: treaty.id, data: JSON.stringify(treaty) });
    },
    async audit(entry) {
      q.audit.run({ ...entry, seq: entry.seq ?? null });
    },
    async createToken(token) {
      q.createToken.run({ ...token, treaties: token.treaties ? JSON.stringify(token.treaties) : null });
    },
    async revokeToken(id, at) {
      q.revokeToken.run(at, id);
      return fromToken(q.tokenById.get(id) as Text<TokenRow, 'treaties'> | undefined);
    },
    async tokensNamed(name) {
      return (q.tokensNamed.all(name) as Text<TokenRow, 'treaties'>[]).map((row) => toToken({ ...row, treaties: json(row.treaties) }));
    },
    async findIdempotency(tokenId, key) {
      return fromIdempotency(q.findIdempotency.get(tokenId, key) as Text<IdempotencyRow, 'response'> | undefined);
    },
    async saveIdempotency(record, expireBefore) {
      q.expireIdempotency.run(expireBefore);
      const { outcome, response, ...keys } = record;
      q.saveIdempotency.run({ ...keys, status: outcomeCode(outcome), response: JSON.stringify(response) });
    },
    async getScheduled(id) {
      return parseOne<ScheduledUpdate>(q.scheduled.get(id));
    },
    async saveScheduled(scheduled) {
      q.saveScheduled.run({
        id: scheduled.id,
        treatyId: scheduled.treatyId,
        publishAt: scheduled.publishAt,
        state: scheduled.state,
        data: JSON.stringify(scheduled),
      });
      searchIndex.saveScheduled(scheduled);
    },
    async saveUpdate(update) {
      q.saveUpdate.run({
        id: update.id,
        seq: update.seq,
        treatyId: update.treatyId,
        occurredAt: update.occurredAt,
        data: JSON.stringify(update),
      });
      searchIndex.saveUpdate(update);
    },
  };

  const groupCommit = new GroupCommit(lock, sqliteBatches(db, tx), unavailable);

  return {
    ...webhooks.reads,
    kind: 'sqlite',
    sessions: sqliteSessions(db, reader, lock),
    subscriptions: subscriptionStore(sqliteSql(db, reader, lock)),
    transaction(work) {
      return groupCommit.run(work);
    },
    async currentSeq() {
      return q.currentSeq.get() as number;
    },
    async isEmpty() {
      return q.anyEvent.get() === undefined;
    },
    async listTreaties() {
      return parseData<Treaty>(q.listTreaties.all());
    },
    ...projectionReads(reader),
    async updatesAfter(seq, limit) {
      return parseData<Update>(q.updatesAfter.all(seq, limit));
    },
    async latestUpdates(limit) {
      return parseData<Update>(q.latestUpdates.all(limit));
    },
    async updatesSince(from) {
      return parseData<Update>(q.updatesSince.all(from));
    },
    async changesAfter(seq, limit) {
      return parseEach<Change>(q.changesAfter.all(seq, limit));
    },
    async logEntries(afterSeq, limit) {
      return (q.logEntries.all(afterSeq, limit) as Text<EventRow, 'payload'>[]).map(fromEvent);
    },
    async findTokenByHash(hash) {
      return fromToken(q.tokenByHash.get(hash) as Text<TokenRow, 'treaties'> | undefined);
    },
    async listTokens() {
      return (q.listTokens.all() as Text<TokenRow, 'treaties'>[]).map((row) => toToken({ ...row, treaties: json(row.treaties) }));
    },
    async getToken(id) {
      return fromToken(q.readToken.get(id) as Text<TokenRow, 'treaties'> | undefined);
    },
    async auditEntries(before, limit, filter = {}) {
      const { token = null, treaty = null, kind = null } = filter;
      return (q.auditBefore.all({ before: before ?? Number.MAX_SAFE_INTEGER, limit, token, treaty, kind }) as AuditRow[]).map(toAudit);
    },
    async auditEntriesAfter(after, limit) {
      return (q.auditAfter.all(after, limit) as AuditRow[]).map(toAudit);
    },
    async findIdempotency(tokenId, key) {
      return fromIdempotency(q.readIdempotency.get(tokenId, key) as Text<IdempotencyRow, 'response'> | undefined);
    },
    async getScheduled(id) {
      return parseOne<ScheduledUpdate>(q.readScheduled.get(id));
    },
    async listScheduled(state, limit, treaties) {
      return parseData<ScheduledUpdate>(
        q.listScheduled.all({ state: state ?? null, limit, treaties: treaties ? JSON.stringify(treaties) : null }),
      );
    },
    async dueScheduled(at, limit) {
      return parseData<ScheduledUpdate>(q.dueScheduled.all(at, limit));
    },
    searchUpdates,
    touchToken(id, at) {
      return lock.run(async () => {
        q.touchToken.run(at, id);
      });
    },
    close() {
      return groupCommit.close(() => {
        reader.close();
        db.close();
      });
    },
  };
}
