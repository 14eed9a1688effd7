import { canTransition, STATUS_TRANSITIONS, type Status, type Treaty } from '@treaty-watch/shared';
import type { NewLogEntry } from '../store/log-entry';
import type { StoreTx } from '../store/store';
import { DomainError } from './errors';
import { byEffectiveOrder, foldTreaty, foldWith } from './projection';

/** How far ahead of the server's clock a dated entry may be: clock skew, not scheduling. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * The treaty as it stands at `at`, which is where a new dated entry takes effect: today's
 * state for a current entry, the state of that day for a backdated one. `field` names the
 * request field that carried `at`, for the error when the treaty did not exist yet.
 */
export async function treatyAt(tx: StoreTx, treatyId: string, at: string, field: string): Promise<Treaty> {
  const current = await tx.getTreaty(treatyId);
  if (!current) throw new DomainError('not_found', `There is no treaty "${treatyId}".`);
  const latest = await tx.latestEffectiveAt(treatyId);
  if (latest === undefined || at >= latest) return current;
  const log = await tx.treatyLog(treatyId);
  const then = foldTreaty(log.filter((entry) => entry.effectiveAt <= at)).treaty;
  if (!then) {
    throw new DomainError('invalid', `${field} is before the treaty appears on the board`, {
      errors: [{ field, message: `must not be before ${log[0]?.effectiveAt ?? 'its first entry'}` }],
    });
  }
  return then;
}

/**
 * A backdated entry comes before entries already in the log, and can change what they mean:
 * a treaty marked abandoned yesterday cannot have been suspended today. Every status change
 * from the new entry on must still be one the vocabulary allows. (A retraction is exempt: it
 * is how a wrong status is undone, whatever the history then reads.)
 */
export async function assertHistoryHolds(tx: StoreTx, entry: NewLogEntry): Promise<void> {
  const latest = await tx.latestEffectiveAt(entry.treatyId);
  if (latest === undefined || entry.effectiveAt >= latest) return;
  const { treaty, transitions, added } = foldWith(await tx.treatyLog(entry.treatyId), entry);
  const broken = transitions.find(({ from, to, entry: at }) => byEffectiveOrder(at, added) >= 0 && !canTransition(from, to));
  if (!broken) return;
  const day = broken.entry.effectiveAt.slice(0, 10);
  throw new DomainError(
    'invalid_transition',
    `${treaty?.shortName ?? entry.treatyId} would then go from ${broken.from} to ${broken.to} on ${day}, which its later record says: dated this way, the change contradicts it.`,
  );
}

/** A status may only follow the current one as the vocabulary allows; repeating it is no change. */
export function assertTransition(treaty: Treaty, status: Status): void {
  if (status === treaty.status || canTransition(treaty.status, status)) return;
  throw new DomainError('invalid_transition', `${treaty.shortName} cannot go from ${treaty.status} to ${status}.`, {
    allowed: STATUS_TRANSITIONS[treaty.status],
  });
}
