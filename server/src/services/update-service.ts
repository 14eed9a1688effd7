import { randomUUID } from 'node:crypto';
import {
  canTransition,
  STATUS_TRANSITIONS,
  type Change,
  type CorrectUpdateBody,
  type PostUpdateBody,
  type Update,
} from '@treaty-watch/shared';
import type { Store, StoreTx } from '../store/store';
import type { Wording } from '../store/log-entry';
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
        return withUpdate(change);
      });
    },

    /** Corrects an update's wording; the earlier wording stays in its revisions. */
    async correct(updateId: string, body: CorrectUpdateBody, author: Principal): Promise<UpdateChange> {
      const now = clock().toISOString();
      return store.transaction(async (tx) => {
        const update = await editable(tx, updateId, 'corrected');
        const wording: Wording = {};
        if (body.headline !== undefined && body.headline !== update.headline) wording.headline = body.headline;
        if (body.body !== undefined && body.body !== (update.body ?? '')) wording.body = body.body;
        if (body.sourceUrl !== undefined && body.sourceUrl !== (update.sourceUrl ?? '')) wording.sourceUrl = body.sourceUrl;
        if (Object.keys(wording).length === 0) {
          throw new DomainError('invalid', 'The correction says what the update already says.', {
            errors: [{ field: '', message: 'nothing differs from the current wording' }],
          });
        }
        return withUpdate(
          await commitEntry(tx, {
            treatyId: update.treatyId,
            effectiveAt: later(now, update.occurredAt),
            recordedAt: now,
            actor: author.name,
            payload: { kind: 'update.corrected', updateId, wording },
          }),
        );
      });
    },

    /** Retracts an update: it stays visible, marked, and whatever status it set is taken back. */
    async retract(updateId: string, reason: string, author: Principal): Promise<UpdateChange> {
      const now = clock().toISOString();
      return store.transaction(async (tx) => {
        const update = await editable(tx, updateId, 'retracted');
        return withUpdate(
          await commitEntry(tx, {
            treatyId: update.treatyId,
            effectiveAt: later(now, update.occurredAt),
            recordedAt: now,
            actor: author.name,
            payload: { kind: 'update.retracted', updateId, reason },
          }),
        );
      });
    },
  };
}

const later = (a: string, b: string) => (a > b ? a : b);

function withUpdate(change: Change): UpdateChange {
  if (!change.update) throw new Error(`change ${change.seq} projected no update`);
  return { ...change, update: change.update };
}

/** The update a correction or retraction refers to, which must exist and not be retracted. */
async function editable(tx: StoreTx, updateId: string, what: 'corrected' | 'retracted'): Promise<Update> {
  const update = await tx.update(updateId);
  if (!update) throw new DomainError('not_found', `There is no update "${updateId}".`);
  if (update.retractedAt) {
    throw new DomainError('conflict', `The update was retracted on ${update.retractedAt} and cannot be ${what}.`);
  }
  return update;
}

export type UpdateService = ReturnType<typeof createUpdateService>;
