import type Database from 'better-sqlite3';
import type { ScheduledUpdate, Update } from '@treaty-watch/shared';
import { scheduledDoc, updateDoc, type Found, type SearchDoc, type UpdateSearch } from '../search-doc';

/**
 * The search index: FTS5 over the terms `searchTerms` cut (already folded, so the tokeniser only
 * splits them again on spaces), beside a table holding what results are ordered and filtered by.
 */
export const SQLITE_SEARCH_SCHEMA = `
  CREATE TABLE search_docs (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    treaty_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    seq INTEGER NOT NULL,
    embargoed INTEGER NOT NULL
  );
  CREATE INDEX search_docs_newest ON search_docs (occurred_at, seq, id);
  CREATE VIRTUAL TABLE search_terms USING fts5(terms, tokenize = 'unicode61 remove_diacritics 2');
`;

/** Writes to the index on the writer's connection, inside whatever transaction it is in. */
export function sqliteSearchWriter(db: Database.Database) {
  const q = {
    // An update is never turned back into an embargo, whatever order a write saves them in.
    upsert: db
      .prepare(
        `INSERT INTO search_docs (id, treaty_id, occurred_at, seq, embargoed) VALUES (@id, @treatyId, @occurredAt, @seq, @embargoed)
         ON CONFLICT (id) DO UPDATE SET treaty_id = excluded.treaty_id, occurred_at = excluded.occurred_at, seq = excluded.seq, embargoed = excluded.embargoed
         WHERE search_docs.embargoed = 1 OR excluded.embargoed = 0
         RETURNING doc`,
      )
      .pluck(),
    dropEmbargoed: db.prepare('DELETE FROM search_docs WHERE id = ? AND embargoed = 1 RETURNING doc').pluck(),
    dropTerms: db.prepare('DELETE FROM search_terms WHERE rowid = ?'),
    addTerms: db.prepare('INSERT INTO search_terms (rowid, terms) VALUES (?, ?)'),
  };
  const put = (doc: SearchDoc) => {
    const row = q.upsert.get({ ...doc, embargoed: doc.embargoed ? 1 : 0 }) as number | undefined;
    if (row === undefined) return;
    q.dropTerms.run(row);
    q.addTerms.run(row, doc.terms.join(' '));
  };
  return {
    saveUpdate(update: Update) {
      put(updateDoc(update));
    },
    saveScheduled(scheduled: ScheduledUpdate): void {
      const doc = scheduledDoc(scheduled);
      if (doc) return put(doc);
      const row = q.dropEmbargoed.get(scheduled.id) as number | undefined;
      if (row !== undefined) q.dropTerms.run(row);
    },
  };
}

/** Every term quoted, so nothing in it is FTS5 syntax; side by side, FTS5 wants them all. */
const matchOf = (terms: readonly string[]) => terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' ');

export function sqliteSearchReader(reader: Database.Database) {
  const search = reader.prepare(
    `SELECT d.embargoed, COALESCE(u.data, s.data) AS data FROM search_terms
     JOIN search_docs d ON d.doc = search_terms.rowid
     LEFT JOIN updates u ON d.embargoed = 0 AND u.id = d.id
     LEFT JOIN scheduled_updates s ON d.embargoed = 1 AND s.id = d.id
     WHERE search_terms MATCH @match
       AND (@treaty IS NULL OR d.treaty_id = @treaty)
       AND (d.embargoed = 0 OR (@embargoed = 1 AND (@scope IS NULL OR d.treaty_id IN (SELECT value FROM json_each(@scope)))))
       AND (@beforeAt IS NULL OR (d.occurred_at, d.seq, d.id) < (@beforeAt, @beforeSeq, @beforeId))
     ORDER BY d.occurred_at DESC, d.seq DESC, d.id DESC LIMIT @limit`,
  );
  return async (query: UpdateSearch): Promise<Found[]> => {
    // No term asks for nothing, and neither engine takes an empty query.
    if (query.terms.length === 0) return [];
    const rows = search.all({
      match: matchOf(query.terms),
      treaty: query.treatyId ?? null,
      embargoed: query.embargoed ? 1 : 0,
      scope: query.embargoed?.treaties ? JSON.stringify(query.embargoed.treaties) : null,
      beforeAt: query.before?.occurredAt ?? null,
      beforeSeq: query.before?.seq ?? null,
      beforeId: query.before?.id ?? null,
      limit: query.limit,
    }) as { embargoed: number; data: string }[];
    return rows.map((row) =>
      row.embargoed
        ? { kind: 'embargoed', scheduled: JSON.parse(row.data) as ScheduledUpdate }
        : { kind: 'update', update: JSON.parse(row.data) as Update },
    );
  };
}

/** Builds the index for a database that had none, from the updates the log projected. */
export function indexExistingSqlite(db: Database.Database): void {
  db.exec(SQLITE_SEARCH_SCHEMA);
  const writer = sqliteSearchWriter(db);
  for (const data of db.prepare('SELECT data FROM updates ORDER BY seq').pluck().all())
    writer.saveUpdate(JSON.parse(data as string) as Update);
  for (const data of db.prepare("SELECT data FROM scheduled_updates WHERE state = 'scheduled'").pluck().all()) {
    writer.saveScheduled(JSON.parse(data as string) as ScheduledUpdate);
  }
}
