import type { AuditEntry } from '@treaty-watch/shared';
import type { Store, StoreTx } from '../store/store';
import { DomainError } from './errors';
import type { Principal } from './principal';

/** How long a retry with the same Idempotency-Key gets the first answer back. */
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface WriteContext {
  principal: Principal;
  /** Idempotency-Key and a fingerprint of the request it came with. */
  idempotency?: { key: string; fingerprint: string };
}

/** A write's result and the HTTP answer it makes, which a retry gets again. */
export interface Written<T> {
  value: T;
  status: number;
  body: unknown;
}

export interface WritePlan<T> {
  work(tx: StoreTx): Promise<T>;
  /** What to record; nothing for a write that turned out to change nothing. */
  audit(value: T): Pick<AuditEntry, 'action' | 'target' | 'seq'> | undefined;
  respond(value: T): { status: number; body: unknown };
}

/** A retry of a write that already landed: the first answer, not a second write. */
export class IdempotentReplay extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('idempotent replay');
    this.name = 'IdempotentReplay';
  }
}

/**
 * Every write goes through here: in one transaction it checks the Idempotency-Key, does the
 * work, writes the audit entry and keeps the answer for retries. A failed write leaves none
 * of them behind.
 */
export function write<T>(store: Store, ctx: WriteContext, now: Date, plan: WritePlan<T>): Promise<Written<T>> {
  return store.transaction(async (tx) => {
    const { idempotency, principal } = ctx;
    if (idempotency) {
      const earlier = await tx.findIdempotency(principal.tokenId, idempotency.key);
      if (earlier && earlier.fingerprint !== idempotency.fingerprint) {
        throw new DomainError('unprocessable', 'This Idempotency-Key was already used for a different request.');
      }
      if (earlier) throw new IdempotentReplay(earlier.status, earlier.response);
    }
    const value = await plan.work(tx);
    const at = now.toISOString();
    const audit = plan.audit(value);
    if (audit) await tx.audit({ at, actor: principal.name, tokenId: principal.tokenId, ...audit });
    const { status, body } = plan.respond(value);
    if (idempotency) {
      await tx.saveIdempotency(
        { tokenId: principal.tokenId, key: idempotency.key, fingerprint: idempotency.fingerprint, status, response: body, createdAt: at },
        new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString(),
      );
    }
    return { value, status, body };
  });
}

/** A scoped token writes only to its own treaties. */
export function assertMayWrite(principal: Principal, treatyId: string): void {
  if (principal.treaties && !principal.treaties.includes(treatyId)) {
    throw new DomainError('forbidden', `The token "${principal.name}" may write only to ${principal.treaties.join(', ')}.`);
  }
}
