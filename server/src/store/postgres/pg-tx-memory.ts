/**
 * What a write transaction has read or written of the rows every write reads: the log's seq, the
 * treaty it writes to, the treaty's latest effective moment, the webhook endpoints. It holds the
 * log's lock throughout, so no other writer can change them meanwhile. Each is kept as the answer
 * to come (so a read sent ahead is waited for only when needed), rows as JSON text, so every
 * read gets an object of its own. A savepoint rolled back to puts back what it held there (`mark`).
 */
export class TxMemory {
  /** A treaty's row as JSON; null for a treaty that does not exist. */
  treaties = new Map<string, Promise<string | null>>();
  /** The latest `effective_at` among a treaty's entries; null for none. */
  latestEffective = new Map<string, Promise<string | null>>();
  webhooks: Promise<string[]> | undefined;

  constructor(
    /** The log's seq: the last entry's, this transaction's included. */
    public seq: Promise<number>,
  ) {}

  mark(): () => void {
    const { seq, treaties, latestEffective, webhooks } = this;
    const held = { treaties: new Map(treaties), latestEffective: new Map(latestEffective) };
    return () => {
      this.seq = seq;
      this.treaties = held.treaties;
      this.latestEffective = held.latestEffective;
      this.webhooks = webhooks;
    };
  }

  /** An entry took `seq` and effect at `effectiveAt`: the latest moment moves, if it is known. */
  appended(seq: number, treatyId: string, effectiveAt: string): void {
    this.seq = Promise.resolve(seq);
    const latest = this.latestEffective.get(treatyId);
    if (latest) this.latestEffective.set(treatyId, kept(latest.then((at) => (at === null || effectiveAt > at ? effectiveAt : at))));
  }
}

/** An answer kept for later: a failure is thrown to whoever waits for it, and is no unhandled rejection meanwhile. */
export function kept<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => undefined);
  return answer;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T names what the stored JSON was written as; the caller's word, as with JSON.parse
export const parsed = <T>(text: string | null | undefined): T | undefined => (text == null ? undefined : (JSON.parse(text) as T));
