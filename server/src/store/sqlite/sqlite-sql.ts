import type Database from 'better-sqlite3';
import type { Sql, SqlDb } from '../sql-runner';
import type { WriteLock } from '../write-lock';

/** SQLite numbers its parameters `?1`, PostgreSQL `$1`: the same SQL runs on both. */
const numbered = (sql: string) => sql.replace(/\$(\d+)/g, '?$1');

function runner(db: Database.Database): Sql {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(numbered(sql))));
    return statement;
  };
  return {
    async all<R>(sql: string, params: readonly unknown[] = []) {
      return prepared(sql).all(...params) as R[];
    },
    async run(sql, params = []) {
      return prepared(sql).run(...params).changes;
    },
  };
}

/**
 * Writes on the writer under its lock, so none lands inside a group commit's transaction; reads
 * outside a transaction on the reader, which sees only what is committed.
 */
export function sqliteSql(db: Database.Database, reader: Database.Database, lock: WriteLock): SqlDb {
  const writes = runner(db);
  const reads = runner(reader);
  return {
    ...reads,
    transaction(work) {
      return lock.run(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(writes);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
    },
  };
}
