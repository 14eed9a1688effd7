import { randomUUID } from 'node:crypto';
import { canTransition, STATUS_TRANSITIONS, type Change, type PostUpdateBody, type Update } from '@treaty-watch/shared';
import type { Store } from '../store/store';
import { DomainError } from './errors';
import { commitEntry } from './log-writer';
import { foldTreaty } from './projection';
import type { Principal } from './token-service';

export type UpdateChange = Change & { update: Update };

/** How far ahead of the server's clock an `occurredAt` may be: clock skew, not scheduling. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export function createUpdateService(store: Store, clock: () => Date = () => new Date()) {
  return {
    /** Posts an update to a treaty; returns the change to broadcast. */
    async post(treatyId: string, body: PostUpdateBody, author: Principal): Promise<UpdateChange> {
      const now = clock();
      const occurredAt = body.occurredAt ? new Date(body.occurredAt).toISOString() : now.toISOString();
      if (Date.parse(occurredAt) > now.getTime() + FUTURE_TOLERANCE_MS) {
        throw new DomainError('invalid', 'occurredAt is in the future', {
          errors: [{ field: 'occurredAt', message: 'must not be in the future' }],
        });
      }
      return store.transaction(async (tx) => {
        let before = await tx.treaty(treatyId);
        if (!before) throw new DomainError('not_found', `There is no treaty "${treatyId}".`);
        const latest = await tx.latestEffectiveAt(treatyId);
        if (latest !== undefined && occurredAt < latest) {
          // Backdated: the status it may change is the one in effect at occurredAt, not today's.
          const log = await tx.treatyLog(treatyId);
          if (log[0] && occurredAt < log[0].effectiveAt) {
            throw new DomainError('invalid', 'occurredAt is before the treaty appears on the board', {
              errors: [{ field: 'occurredAt', message: `must not be before ${log[0].effectiveAt}` }],
            });
          }
          before = foldTreaty(log.filter((entry) => entry.effectiveAt <= occurredAt)).treaty;
        }
        if (before && body.status && body.status !== before.status && !canTransition(before.status, body.status)) {
          throw new DomainError(
            'invalid_transition',
            `${before.shortName} cannot go from ${before.status} to ${body.status}.`,
            { allowed: STATUS_TRANSITIONS[before.status] },
          );
        }
        const change = await commitEntry(tx, {
          treatyId,
          effectiveAt: occurredAt,
          recordedAt: now.toISOString(),
          actor: author.name,
          payload: {
            kind: 'update.posted',
            update: {
              id: randomUUID(),
              headline: body.headline,
              ...(body.body !== undefined && body.body !== '' ? { body: body.body } : {}),
              ...(body.status ? { requestedStatus: body.status } : {}),
              ...(body.sourceUrl ? { sourceUrl: body.sourceUrl } : {}),
              occurredAt,
              publishedAt: now.toISOString(),
              author: author.name,
            },
          },
        });
        if (!change.update) throw new Error(`posting to ${treatyId} projected no update`);
        return { ...change, update: change.update };
      });
    },
  };
}

export type UpdateService = ReturnType<typeof createUpdateService>;
