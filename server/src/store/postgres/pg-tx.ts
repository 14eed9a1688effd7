import type { Change, ScheduledUpdate, Treaty, Update } from '@treaty-watch/shared';
import type { StoreTx } from '../store';
import { outcomeCode, toEntry, toIdempotency, toToken, type EventRow, type IdempotencyRow, type TokenRow } from '../rows';
import type { PgWork } from './pg-batch';
import type { Pipeline } from './pg-pipeline';
import { pgSearchWriter } from './pg-search';
import { kept, parsed, TxMemory } from './pg-tx-memory';
import { endpointsAsJson, pgWebhookTx } from './pg-webhooks';

const data = <T>(rows: { data: T }[]): T[] => rows.map((row) => row.data);

/**
 * Appends an entry at the seq the transaction expects, the one after the head's. A seq that
 * moved under the lock would be a bug; the server refuses it rather than write two seqs.
 */
const APPEND = `WITH head AS (UPDATE log_head SET seq = seq + 1 RETURNING seq)
  INSERT INTO events (seq, kind, treaty_id, effective_at, recorded_at, actor, payload)
  SELECT CASE WHEN seq = $7::bigint THEN seq ELSE ('the log''s seq is ' || seq || ', not ' || $7::bigint)::bigint END,
    $1, $2, $3, $4, $5, $6::jsonb
  FROM head`;

/**
 * Reads and writes of one write transaction, on its pipelined connection: writes go out without
 * waiting for their answer (`send`), reads wait (`rows`), and what every write reads is read
 * ahead, or once, and then answered from the transaction's memory.
 */
export function pgTx(pipeline: Pipeline): PgWork<StoreTx> {
  const first = async <R extends object>(sql: string, params: unknown[] = []) =>
    (await pipeline.rows<R & Record<string, unknown>>(sql, params))[0];
  const latestOf = (id: string) =>
    kept(
      first<{ latest: string | null }>('SELECT MAX(effective_at) AS latest FROM events WHERE treaty_id = $1', [id]).then(
        (row) => row?.latest ?? null,
      ),
    );
  // Read ahead, behind the lock: every append needs the seq, and every change the endpoints.
  const memory = new TxMemory(kept(first<{ seq: number }>('SELECT seq FROM log_head').then((row) => row?.seq ?? 0)));
  memory.webhooks = endpointsAsJson(pipeline);
  const searchIndex = pgSearchWriter((sql, params) => pipeline.send(sql, params));
  const tx: StoreTx = {
    ...pgWebhookTx(pipeline, memory),
    async isEmpty() {
      return (await first('SELECT 1 FROM events LIMIT 1')) === undefined;
    },
    async append(entry) {
      const seq = (await memory.seq) + 1;
      pipeline.send(APPEND, [entry.payload.kind, entry.treatyId, entry.effectiveAt, entry.recordedAt, entry.actor, entry.payload, seq]);
      memory.appended(seq, entry.treatyId, entry.effectiveAt);
      return { ...entry, seq };
    },
    async recordChange(change: Change) {
      pipeline.send('UPDATE events SET change = $1 WHERE seq = $2', [change, change.seq]);
    },
    async getTreaty(id) {
      if (!memory.treaties.has(id)) {
        memory.treaties.set(
          id,
          kept(first<{ data: string }>('SELECT data::text AS data FROM treaties WHERE id = $1', [id]).then((row) => row?.data ?? null)),
        );
        // Every write that reads a treaty asks for its latest moment next: it comes in the same round trip.
        if (!memory.latestEffective.has(id)) memory.latestEffective.set(id, latestOf(id));
      }
      return parsed<Treaty>(await memory.treaties.get(id));
    },
    async getUpdate(id) {
      return (await first<{ data: Update }>('SELECT data FROM updates WHERE id = $1', [id]))?.data;
    },
    async treatyUpdates(id) {
      return data(
        await pipeline.rows<{ data: Update }>('SELECT data FROM updates WHERE treaty_id = $1 ORDER BY occurred_at DESC, seq DESC', [id]),
      );
    },
    async treatyLog(id) {
      return (await pipeline.rows<EventRow>('SELECT * FROM events WHERE treaty_id = $1 ORDER BY effective_at, seq', [id])).map(toEntry);
    },
    async latestEffectiveAt(id) {
      let latest = memory.latestEffective.get(id);
      if (!latest) {
        latest = latestOf(id);
        memory.latestEffective.set(id, latest);
      }
      return (await latest) ?? undefined;
    },
    async saveTreaty(treaty) {
      const text = JSON.stringify(treaty);
      pipeline.send('INSERT INTO treaties (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = excluded.data', [
        treaty.id,
        text,
      ]);
      memory.treaties.set(treaty.id, Promise.resolve(text));
    },
    async saveUpdate(update) {
      pipeline.send(
        `INSERT INTO updates (id, seq, treaty_id, occurred_at, data) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET occurred_at = excluded.occurred_at, data = excluded.data`,
        [update.id, update.seq, update.treatyId, update.occurredAt, update],
      );
      await searchIndex.saveUpdate(update);
    },
    async audit(entry) {
      pipeline.send('INSERT INTO audit (at, actor, token_id, action, target, seq) VALUES ($1, $2, $3, $4, $5, $6)', [
        entry.at,
        entry.actor,
        entry.tokenId,
        entry.action,
        entry.target,
        entry.seq ?? null,
      ]);
    },
    async createToken(token) {
      pipeline.send('INSERT INTO tokens (id, name, role, treaties, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
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
      return (await pipeline.rows<TokenRow>('SELECT * FROM tokens WHERE lower(name) = lower($1) ORDER BY created_at, id', [name])).map(
        toToken,
      );
    },
    async findIdempotency(tokenId, key) {
      return toIdempotency(await first<IdempotencyRow>('SELECT * FROM idempotency WHERE token_id = $1 AND key = $2', [tokenId, key]));
    },
    async getScheduled(id) {
      return (await first<{ data: ScheduledUpdate }>('SELECT data FROM scheduled_updates WHERE id = $1', [id]))?.data;
    },
    async saveScheduled(scheduled) {
      pipeline.send(
        `INSERT INTO scheduled_updates (id, treaty_id, publish_at, state, data) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET publish_at = excluded.publish_at, state = excluded.state, data = excluded.data`,
        [scheduled.id, scheduled.treatyId, scheduled.publishAt, scheduled.state, scheduled],
      );
      await searchIndex.saveScheduled(scheduled);
    },
    async saveIdempotency(record, expireBefore) {
      pipeline.send('DELETE FROM idempotency WHERE created_at < $1', [expireBefore]);
      pipeline.send('INSERT INTO idempotency (token_id, key, fingerprint, status, response, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        record.tokenId,
        record.key,
        record.fingerprint,
        outcomeCode(record.outcome),
        JSON.stringify(record.response),
        record.createdAt,
      ]);
    },
  };
  return { tx, mark: () => memory.mark() };
}
