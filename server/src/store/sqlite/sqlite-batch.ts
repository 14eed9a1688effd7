import type { BeginBatch } from '../group-commit';

/** What a batch needs of a connection: better-sqlite3's `Database` has both. */
export interface Connection {
  exec(sql: string): unknown;
  readonly inTransaction: boolean;
}

/** Group commit's transactions on the one writing connection; `tx` works through it too. */
export function sqliteBatches<Tx>(db: Connection, tx: Tx): BeginBatch<Tx> {
  const batch = {
    tx,
    savepoint: () => void db.exec('SAVEPOINT write'),
    release: () => void db.exec('RELEASE write'),
    rollbackToSavepoint: () => void db.exec('ROLLBACK TO write; RELEASE write'),
    get inTransaction() {
      return db.inTransaction;
    },
    commit: () => void db.exec('COMMIT'),
    rollback: () => void db.exec('ROLLBACK'),
    end: () => undefined,
  };
  return () => {
    db.exec('BEGIN IMMEDIATE');
    return batch;
  };
}
