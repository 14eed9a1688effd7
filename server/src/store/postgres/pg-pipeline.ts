import type pg from 'pg';

type Values = readonly unknown[];

/** One prepared-statement name per statement text, the same on every connection. */
const names = new Map<string, string>();
function prepared(text: string, values: Values): pg.QueryConfig {
  let name = names.get(text);
  if (name === undefined) {
    name = `tw_${names.size}`;
    names.set(text, name);
  }
  return { name, text, values: [...values] };
}

/** The first statement that failed, and the write of the batch that sent it. */
export interface Failure {
  error: unknown;
  write: number;
}

/**
 * Statements on one connection in pipeline mode (pg's `pipeline: true`): each goes out at once,
 * without waiting for the answer to the one before. A write nobody needs an answer from is sent
 * and not waited for (`send`); a read sent after it runs after it, so it sees it. Only reads
 * cost a round trip, and `settle`. A statement that fails makes the server refuse the ones after
 * it until a savepoint is rolled back to: the first failure is the one reported. Every statement
 * with parameters is prepared once per connection and then only bound.
 */
export class Pipeline {
  /** The write of the batch whose statements are being sent. */
  write = 0;
  private pending: Promise<void>[] = [];
  private failure: Failure | undefined;

  constructor(private readonly client: pg.ClientBase) {}

  /** Sends a statement whose answer is not waited for: a failure shows at the next read or `settle`. */
  send(text: string, values?: Values): void {
    const write = this.write;
    const query = values ? this.client.query(prepared(text, values)) : this.client.query(text);
    this.pending.push(
      query.then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= { error, write };
        },
      ),
    );
  }

  /** Sends a statement and waits for its answer. */
  async query<R extends pg.QueryResultRow>(text: string, values: Values = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.client.query<R>(prepared(text, values));
    } catch (error) {
      // Everything sent before it has been answered by now; one of those may be why it failed.
      await Promise.all(this.pending);
      throw this.failure ? this.failure.error : error;
    }
  }

  async rows<R extends pg.QueryResultRow>(text: string, values: Values = []): Promise<R[]> {
    return (await this.query<R>(text, values)).rows;
  }

  /** Waits for every statement sent; the first that failed since the last settle, if one did. */
  async settle(): Promise<Failure | undefined> {
    await Promise.all(this.pending.splice(0));
    const failure = this.failure;
    this.failure = undefined;
    return failure;
  }
}
