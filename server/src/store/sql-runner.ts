/** Row reads and writes with `$1`-style parameters, which both stores take (SQLite as `?1`). */
export interface Sql {
  all<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface SqlDb extends Sql {
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}
