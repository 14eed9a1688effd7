import type pg from 'pg';
import type { Sql, SqlDb } from '../sql-runner';

function runner(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async all<R>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, [...params])).rows as R[];
    },
    async run(sql, params = []) {
      return (await client.query(sql, [...params])).rowCount ?? 0;
    },
  };
}

/**
 * One transaction holding the advisory lock `lockName` (of this schema) until it commits, so
 * every process's transactions under that name take turns; rolled back if `work` throws.
 */
async function lockedTransaction<T>(pool: pg.Pool, lockName: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext(current_schema() || $1))', [`:treaty-watch:${lockName}`]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Transactions take a lock of their own, not the log's: the mail outbox's processes take turns
 * with each other without holding up the desk's writes.
 */
export function pgSql(pool: pg.Pool, lockName: string): SqlDb {
  return {
    ...runner(pool),
    transaction: (work) => lockedTransaction(pool, lockName, (client) => work(runner(client))),
  };
}
