import type pg from 'pg';
import type { ScheduledUpdate, Update } from '@treaty-watch/shared';
import { scheduledDoc, updateDoc, type Found, type SearchDoc, type UpdateSearch } from '../search-doc';

/**
 * The search index: a tsvector made straight from the terms `searchTerms` cut (array_to_tsvector,
 * no parser or dictionary in between), so it holds exactly the terms SQLite's FTS5 holds.
 * Text compares in "C" order, as SQLite's does, so both stores page alike.
 */
const SCHEMA = `
  CREATE TABLE search_docs (
    id TEXT PRIMARY KEY,
    treaty_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    seq BIGINT NOT NULL,
    embargoed BOOLEAN NOT NULL,
    terms TSVECTOR NOT NULL
  );
  CREATE INDEX search_docs_terms ON search_docs USING GIN (terms);
  CREATE INDEX search_docs_newest ON search_docs ((occurred_at COLLATE "C"), seq, (id COLLATE "C"));
`;

/** Sends a statement; the write path's pipeline answers for it later, a migration awaits it. */
type Query = (sql: string, params: unknown[]) => unknown;

async function put(query: Query, doc: SearchDoc): Promise<void> {
  // An update is never turned back into an embargo, whatever order a write saves them in.
  await query(
    `INSERT INTO search_docs (id, treaty_id, occurred_at, seq, embargoed, terms) VALUES ($1, $2, $3, $4, $5, array_to_tsvector($6::text[]))
     ON CONFLICT (id) DO UPDATE SET treaty_id = excluded.treaty_id, occurred_at = excluded.occurred_at, seq = excluded.seq,
       embargoed = excluded.embargoed, terms = excluded.terms
     WHERE search_docs.embargoed OR NOT excluded.embargoed`,
    [doc.id, doc.treatyId, doc.occurredAt, doc.seq, doc.embargoed, doc.terms],
  );
}

/** Writes to the index through the transaction's own connection. */
export function pgSearchWriter(query: Query) {
  return {
    saveUpdate: (update: Update) => put(query, updateDoc(update)),
    async saveScheduled(scheduled: ScheduledUpdate) {
      const doc = scheduledDoc(scheduled);
      if (doc) return put(query, doc);
      await query('DELETE FROM search_docs WHERE id = $1 AND embargoed', [scheduled.id]);
    },
  };
}

/** Every term a quoted lexeme, so nothing in it is tsquery syntax; all of them are wanted. */
const tsqueryOf = (terms: readonly string[]) => terms.map((term) => `'${term.replace(/['\\]/g, (c) => `\\${c}`)}'`).join(' & ');

export function pgSearchReader(all: <R extends pg.QueryResultRow>(sql: string, params: unknown[]) => Promise<R[]>) {
  return async (query: UpdateSearch): Promise<Found[]> => {
    // No term asks for nothing, and neither engine takes an empty query.
    if (query.terms.length === 0) return [];
    const rows = await all<{ embargoed: boolean; data: unknown }>(
      `SELECT d.embargoed, COALESCE(u.data, s.data) AS data FROM search_docs d
       LEFT JOIN updates u ON NOT d.embargoed AND u.id = d.id
       LEFT JOIN scheduled_updates s ON d.embargoed AND s.id = d.id
       WHERE d.terms @@ $1::tsquery
         AND ($2::text IS NULL OR d.treaty_id = $2)
         AND (NOT d.embargoed OR ($3::boolean AND ($4::jsonb IS NULL OR d.treaty_id IN (SELECT jsonb_array_elements_text($4::jsonb)))))
         AND ($5::text IS NULL OR (d.occurred_at COLLATE "C", d.seq, d.id COLLATE "C") < ($5::text COLLATE "C", $6::bigint, $7::text COLLATE "C"))
       ORDER BY d.occurred_at COLLATE "C" DESC, d.seq DESC, d.id COLLATE "C" DESC LIMIT $8`,
      [
        tsqueryOf(query.terms),
        query.treatyId ?? null,
        query.embargoed !== undefined,
        query.embargoed?.treaties ? JSON.stringify(query.embargoed.treaties) : null,
        query.before?.occurredAt ?? null,
        query.before?.seq ?? null,
        query.before?.id ?? null,
        query.limit,
      ],
    );
    return rows.map((row) =>
      row.embargoed ? { kind: 'embargoed', scheduled: row.data as ScheduledUpdate } : { kind: 'update', update: row.data as Update },
    );
  };
}

/** Builds the index for a database that had none, from the updates the log projected. */
export async function indexExistingPg(client: pg.PoolClient): Promise<void> {
  await client.query(SCHEMA);
  const writer = pgSearchWriter((sql, params) => client.query(sql, params));
  const updates = await client.query<{ data: Update }>('SELECT data FROM updates ORDER BY seq');
  for (const row of updates.rows) await writer.saveUpdate(row.data);
  const scheduled = await client.query<{ data: ScheduledUpdate }>("SELECT data FROM scheduled_updates WHERE state = 'scheduled'");
  for (const row of scheduled.rows) await writer.saveScheduled(row.data);
}
