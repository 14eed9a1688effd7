import type Database from 'better-sqlite3';
import type { Sql, SqlDb } from '../sql-runner';
import type { WriteLock } from '../write-lock';

interface Prepared {
  statement: Database.Statement;
  /** Which of PostgreSQL's numbered parameters each `?` stands for, in order. */
  order: number[];
}

/** PostgreSQL's `$1` parameters become SQLite's `?`, in the order they appear: the same SQL runs on both. */
function prepare(db: Database.Database, sql: string): Prepared {
  const order: number[] = [];
  const text = sql.replace(/\$(\d+)/g, (_match, n: string) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { statement: db.prepare(text), order };
}

function runner(db: Database.Database): Sql {
  const statements = new Map<string, Prepared>();
  const bound = (sql: string, params: readonly unknown[]) => {
    let prepared = statements.get(sql);
    if (!prepared) statements.set(sql, (prepared = prepare(db, sql)));
    return { statement: prepared.statement, values: prepared.order.map((i) => params[i]) };
  };
  return {
    async all<R>(sql: string, params: readonly unknown[] = []) {
      const { statement, values } = bound(sql, params);
      return statement.all(...values) as R[];
    },
    async run(sql, params = []) {
      const { statement, values } = bound(sql, params);
      return statement.run(...values).changes;
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
