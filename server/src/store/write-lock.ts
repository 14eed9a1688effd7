/**
 * Serialises async critical sections. One SQLite connection cannot hold two transactions,
 * so every write waits its turn here instead of interleaving on the connection.
 */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
