import type pg from 'pg';
import { LateFailure, type BeginBatch } from '../group-commit';
import { Pipeline } from './pg-pipeline';

/** What a transaction's work goes through, and what it keeps in memory meanwhile. */
export interface PgWork<Tx> {
  readonly tx: Tx;
  /** Takes note of what is kept in memory; the function it returns puts that back. */
  mark(): () => void;
}

/**
 * Group commit's transactions on PostgreSQL, on a connection of `pool` in pipeline mode. Each
 * begins by taking a transaction-scoped advisory lock, so writers in every process take turns
 * until they commit: the seq is gap-free and in commit order, and a write never projects from a
 * state another write is changing. An advisory lock rather than FOR UPDATE on the head row:
 * waiters then do not queue on a row version each writer replaces.
 *
 * Nothing a write sends is waited for, savepoints and releases included, and the COMMIT goes out
 * behind them: a batch costs the round trips of its reads and of its COMMIT. The server refuses
 * every statement after one that failed, so a failure is found at the next read, when a write
 * rolls back, or in the COMMIT's answer (a ROLLBACK), and it is the first one sent. Found before
 * the COMMIT, it is in the innermost savepoint, and rolling back to it undoes that write alone;
 * found in the COMMIT's answer, the transaction is gone. Either way it is a LateFailure.
 */
export function pgBatches<Tx>(pool: pg.Pool, open: (pipeline: Pipeline) => PgWork<Tx>): BeginBatch<Tx> {
  return async () => {
    const client = await pool.connect();
    // A connection that breaks fails every statement waiting on it, which is how the batch
    // learns of it; the client's own error event would otherwise end the process.
    const broken = () => undefined;
    client.on('error', broken);
    const giveBack = () => {
      client.off('error', broken);
      // One left inside a transaction (it broke, or its ROLLBACK failed) is not reused.
      client.release(client.getTransactionStatus() !== 'I');
    };
    const pipeline = new Pipeline(client);
    const begun = client.query("BEGIN; SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':treaty-watch:log'))");
    // What the work reads ahead goes out behind the lock, in the same round trip.
    const work = open(pipeline);
    try {
      await begun;
    } catch (error) {
      giveBack();
      throw error;
    }
    /** What memory held before each write, put back when its savepoint is rolled back to. */
    const before: (() => void)[] = [];
    const rollBackTo = async (write: number) => {
      before[write]?.();
      await client.query('ROLLBACK TO write; RELEASE write');
    };
    return {
      tx: work.tx,
      savepoint(index) {
        before[index] = work.mark();
        pipeline.write = index;
        pipeline.send('SAVEPOINT write');
      },
      release() {
        pipeline.send('RELEASE write');
      },
      async rollbackToSavepoint() {
        const failure = await pipeline.settle();
        if (failure && failure.write < pipeline.write) {
          await rollBackTo(failure.write);
          throw new LateFailure(failure.write, failure.error, true);
        }
        await rollBackTo(pipeline.write);
      },
      get inTransaction() {
        return client.getTransactionStatus() !== 'I';
      },
      async commit() {
        const [failure, { command }] = await Promise.all([pipeline.settle(), client.query('COMMIT')]);
        if (command === 'COMMIT') {
          // Only a failure on this side (an answer that could not be read) leaves the server's
          // transaction standing: it committed, and nothing can be run again.
          if (failure) throw new Error('the transaction committed although a statement in it failed', { cause: failure.error });
          return;
        }
        // The server refused everything after the failure, and answered the COMMIT with ROLLBACK.
        if (failure) throw new LateFailure(failure.write, failure.error, false);
        throw new Error(`the transaction was rolled back (${command})`);
      },
      async rollback() {
        await pipeline.settle();
        await client.query('ROLLBACK');
      },
      end: giveBack,
    };
  };
}
