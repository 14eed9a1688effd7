import { StoreUnavailableError } from '../store-unavailable';

/** Connection trouble, a full disk or a server shutting down: the storage, not the request. */
export function unavailable(error: unknown): unknown {
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  const storage = /^(08|53|57P)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code);
  const message = error instanceof Error ? error.message : String(error);
  return storage || /Connection terminated|connect ECONNREFUSED/.test(message)
    ? new StoreUnavailableError(`the database is unavailable (${code || message})`, error)
    : error;
}

/** A read whose storage failed says so, as a StoreUnavailableError. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw unavailable(error);
  }
}
