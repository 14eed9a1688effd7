import { StoreUnavailableError } from './store-unavailable';
import type { WriteLock } from './write-lock';

/**
 * One open transaction, as group commit drives it: each write in a savepoint of its own.
 * SQLite's statements answer at once. PostgreSQL's are sent without waiting for their answers,
 * so a statement of a write may turn out to have failed only while a later write runs, or at
 * the commit: the batch then throws a LateFailure naming the write.
 */
export interface Batch<Tx> {
  /** What the writes work through, inside this transaction. */
  readonly tx: Tx;
  /** Opens the savepoint of the batch's write at `index`. */
  savepoint(index: number): Promise<void> | void;
  /** Keeps what the write did. */
  release(): Promise<void> | void;
  /** Undoes what the write did, and only that: the transaction goes on. */
  rollbackToSavepoint(): Promise<void> | void;
  /** False once the database rolled the whole transaction back by itself. */
  readonly inTransaction: boolean;
  commit(): Promise<void> | void;
  rollback(): Promise<void> | void;
  /** Gives the connection back, after the commit or the rollback. */
  end(): void;
}

/**
 * A write of the batch failed after it had run. Either its savepoint has been rolled back and
 * the writes before it are kept (`othersKept`), or the whole transaction is gone. Every other
 * write that is not kept runs again: none of them has been answered.
 */
export class LateFailure extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
    readonly othersKept: boolean,
  ) {
    super(`write ${index} of the batch failed after it had run`);
    this.name = 'LateFailure';
  }
}

/** Opens a transaction, having waited for the right to write (a lock, if the store has one). */
export type BeginBatch<Tx> = () => Promise<Batch<Tx>> | Batch<Tx>;

interface Waiting<Tx> {
  work(tx: Tx): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Bounds how long one COMMIT keeps the writes in it waiting. PostgreSQL keeps the ids of 64
 * subtransactions (savepoints that wrote) in shared memory, and looks past that on disk.
 */
const MOST_PER_COMMIT = 64;

/**
 * Group commit. A durable COMMIT waits for the disk, and that wait, not the work, bounds how
 * many writes a second a store takes. Writes that arrive together (within one turn of the event
 * loop, or while the one before is committing) share one transaction, each in a savepoint of
 * its own: one that fails is rolled back alone and the others land. None of them is answered
 * before the COMMIT they share is on disk, so a write that was answered is never lost. A write's
 * work may run again (see LateFailure), so it does nothing outside its transaction that it
 * cannot do twice.
 */
export class GroupCommit<Tx> {
  private waiting: Waiting<Tx>[] = [];
  private flushQueued = false;
  private closed = false;

  constructor(
    private readonly lock: WriteLock,
    private readonly begin: BeginBatch<Tx>,
    /** Turns a storage failure into a StoreUnavailableError; other errors come back unchanged. */
    private readonly storeError: (error: unknown) => unknown,
  ) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve, reject });
      this.queueFlush();
    });
  }

  /**
   * Settles every write asked for so far (they commit in this write's group or an earlier one),
   * then runs `closeConnection`; a write asked for afterwards is refused as unavailable.
   */
  async close(closeConnection: () => Promise<void> | void): Promise<void> {
    await this.run(() => Promise.resolve()).catch(() => undefined);
    this.closed = true;
    await this.lock.run(async () => closeConnection());
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    // setImmediate runs after the I/O callbacks of this turn: the requests read in it join.
    setImmediate(() => void this.lock.run(() => this.commitWaiting()));
  }

  private async commitWaiting(): Promise<void> {
    this.flushQueued = false;
    const batch = this.waiting.splice(0, MOST_PER_COMMIT);
    if (this.waiting.length > 0) this.queueFlush();
    if (batch.length === 0) return;
    if (this.closed) {
      for (const item of batch) item.reject(new StoreUnavailableError('the database is closed: the server is shutting down', undefined));
      return;
    }
    let transaction: Batch<Tx>;
    try {
      transaction = await this.begin();
    } catch (failure) {
      const error = this.unavailable(failure);
      for (const item of batch) item.reject(error);
      return;
    }
    const outcomes: Outcome[] = [];
    try {
      await this.runEach(transaction, batch, outcomes);
    } catch (failure) {
      await this.rollback(transaction);
      if (failure instanceof LateFailure && !this.isStorageFailure(failure.cause)) this.runAgainBut(batch, failure.index, failure.cause);
      else if (failure instanceof LateFailure) this.failBatch(batch, failure.index, failure.cause);
      else this.failBatch(batch, outcomes.length, failure);
      return;
    } finally {
      transaction.end();
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(outcome?.error);
    });
  }

  /** Runs every write, each in its savepoint, and commits; a write that failed late runs no more, those after it again. */
  private async runEach(transaction: Batch<Tx>, batch: Waiting<Tx>[], outcomes: Outcome[]): Promise<void> {
    for (;;) {
      try {
        for (let i = outcomes.length; i < batch.length; i++) outcomes.push(await this.inSavepoint(transaction, i, batch[i] as Waiting<Tx>));
        await transaction.commit();
        return;
      } catch (failure) {
        if (!(failure instanceof LateFailure) || !failure.othersKept || this.isStorageFailure(failure.cause)) throw failure;
        outcomes.splice(failure.index, Infinity, { ok: false, error: this.storeError(failure.cause) });
      }
    }
  }

  /**
   * The transaction is gone: the writes that ran are refused as unavailable (the one at
   * `failedAt` with its own error), and those that had not run get a transaction of their own.
   */
  private failBatch(batch: Waiting<Tx>[], failedAt: number, failure: unknown): void {
    const notRun = batch.slice(failedAt + 1);
    this.waiting.unshift(...notRun);
    if (notRun.length > 0) this.queueFlush();
    const others = this.unavailable(failure);
    batch.slice(0, failedAt).forEach((item) => item.reject(others));
    batch[failedAt]?.reject(this.storeError(failure));
  }

  /** The transaction is gone because of one write's own failure: it is refused, the others run again. */
  private runAgainBut(batch: Waiting<Tx>[], failedAt: number, failure: unknown): void {
    this.waiting.unshift(...batch.filter((_, i) => i !== failedAt));
    this.queueFlush();
    batch[failedAt]?.reject(this.storeError(failure));
  }

  private isStorageFailure(failure: unknown): boolean {
    return this.storeError(failure) instanceof StoreUnavailableError;
  }

  private unavailable(failure: unknown): StoreUnavailableError {
    const mapped = this.storeError(failure);
    return mapped instanceof StoreUnavailableError
      ? mapped
      : new StoreUnavailableError('the database rolled the transaction back', failure);
  }

  private async rollback(transaction: Batch<Tx>): Promise<void> {
    try {
      if (transaction.inTransaction) await transaction.rollback();
    } catch {
      // A ROLLBACK refused after a storage error means the database had already rolled back itself.
    }
  }

  /** One write: its own failure undoes only its savepoint; a storage failure ends the whole batch. */
  private async inSavepoint(transaction: Batch<Tx>, index: number, item: Waiting<Tx>): Promise<Outcome> {
    await transaction.savepoint(index);
    try {
      const value = await item.work(transaction.tx);
      await transaction.release();
      return { ok: true, value };
    } catch (error) {
      const mapped = this.storeError(error);
      // The database may already have rolled the whole transaction back; the batch cannot go on.
      if (mapped instanceof StoreUnavailableError || !transaction.inTransaction) throw error;
      await transaction.rollbackToSavepoint();
      return { ok: false, error: mapped };
    }
  }
}
