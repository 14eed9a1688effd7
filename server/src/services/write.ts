import type { AuditEntry, Change } from '@treaty-watch/shared';
import type { Store, StoreTx, WriteOutcome } from '../store/store';
import type { DomainEvents } from './domain-events';
import { DomainError } from './errors';
import { SCHEDULER_PRINCIPAL, type Principal } from './principal';

/** How long a retry with the same Idempotency-Key gets the first answer back. */
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface WriteContext {
  principal: Principal;
  /** Idempotency-Key and a fingerprint of the request it came with. */
  idempotency?: { key: string; fingerprint: string };
}

/** What a write told its writer, which a retry gets again: how it went, and what it made. */
export interface Answer {
  outcome: WriteOutcome;
  body: unknown;
}

/** A write's result and its answer. */
export type Written<T> = Answer & { value: T };

export interface WritePlan<T> {
  work(tx: StoreTx): Promise<T>;
  /** What to record; nothing for a write that turned out to change nothing. */
  audit(value: T): Pick<AuditEntry, 'action' | 'target' | 'seq'> | undefined;
}

/** A write someone asked for, who is answered. */
export interface AnsweredPlan<T> extends WritePlan<T> {
  answer(value: T): Answer;
}

/** A retry of a write that already landed: the first answer, not a second write. */
export class IdempotentReplay extends Error {
  constructor(
    readonly outcome: WriteOutcome,
    readonly body: unknown,
  ) {
    super('idempotent replay');
    this.name = 'IdempotentReplay';
  }
}

/**
 * Every write someone asks for goes through here: in one transaction it checks the
 * Idempotency-Key, does the work, writes the audit entry and keeps the answer for retries, then
 * publishes the changes it committed. A failed write leaves none of them behind.
 */
export function write<T>(store: Store, ctx: WriteContext, now: Date, plan: AnsweredPlan<T>, events?: DomainEvents): Promise<Written<T>> {
  return committing(store, events, async (tx) => {
    const { idempotency, principal } = ctx;
    if (idempotency) {
      const earlier = await tx.findIdempotency(principal.tokenId, idempotency.key);
      if (earlier && earlier.fingerprint !== idempotency.fingerprint) {
        throw new DomainError('unprocessable', 'This Idempotency-Key was already used for a different request.');
      }
      if (earlier) throw new IdempotentReplay(earlier.outcome, earlier.response);
    }
    const value = await audited(tx, plan, principal, now);
    const { outcome, body } = plan.answer(value);
    if (idempotency) {
      await tx.saveIdempotency(
        {
          tokenId: principal.tokenId,
          key: idempotency.key,
          fingerprint: idempotency.fingerprint,
          outcome,
          response: body,
          createdAt: now.toISOString(),
        },
        new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString(),
      );
    }
    return { value, outcome, body };
  });
}

/**
 * A service's writes on its store and its bus, each at the time its clock says when it is asked:
 * `plan` is given that moment, to date what it writes.
 */
export function writerOn(store: Store, events: DomainEvents, clock: () => Date) {
  return <T>(ctx: WriteContext, plan: (now: Date) => AnsweredPlan<T>): Promise<Written<T>> => {
    const now = clock();
    return write(store, ctx, now, plan(now), events);
  };
}

/** The scheduler's writes (expiries, embargoes): the same path, with nobody to answer. */
export function writeDue<T>(store: Store, events: DomainEvents, now: Date, plan: WritePlan<T>): Promise<T> {
  return committing(store, events, (tx) => audited(tx, plan, SCHEDULER_PRINCIPAL, now));
}

async function audited<T>(tx: StoreTx, plan: WritePlan<T>, principal: Principal, now: Date): Promise<T> {
  const value = await plan.work(tx);
  const audit = plan.audit(value);
  if (audit) await tx.audit({ at: now.toISOString(), actor: principal.name, tokenId: principal.tokenId, ...audit });
  return value;
}

/**
 * One transaction, and the changes it recorded published once it is committed: never for a
 * write that failed or was rolled back. A change recorded with no bus to publish it on is a
 * bug, refused before it can land unseen.
 */
async function committing<R>(store: Store, events: DomainEvents | undefined, work: (tx: StoreTx) => Promise<R>): Promise<R> {
  let recorded: Change[] = [];
  const result = await store.transaction((tx) => {
    recorded = [];
    return work({
      ...tx,
      async recordChange(change) {
        if (!events) throw new Error(`change ${change.seq} was recorded by a write with no domain event bus`);
        await tx.recordChange(change);
        recorded.push(change);
      },
    });
  });
  for (const change of recorded) events?.publish(change);
  return result;
}

/** A scoped token writes only to its own treaties. */
export function assertMayWrite(principal: Principal, treatyId: string): void {
  if (principal.treaties && !principal.treaties.includes(treatyId)) {
    throw new DomainError('forbidden', `The token "${principal.name}" may write only to ${principal.treaties.join(', ')}.`);
  }
}
