/**
 * The database cannot take the write (disk full, read-only, locked, gone). Nothing of the
 * failed transaction was kept; the HTTP edge answers 503 and the client may retry later.
 */
export class StoreUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}
