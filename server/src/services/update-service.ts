import { randomUUID } from 'node:crypto';
import type { Change, CorrectUpdateBody, PostUpdateBody, ScheduledUpdate, Update } from '@treaty-watch/shared';
import type { EntryPayload, Wording } from '../store/log-entry';
import type { Store, StoreTx } from '../store/store';
import type { DomainEvents } from './domain-events';
import { DomainError } from './errors';
import { embargo, postingTimes, wordingOf } from './embargo';
import { commitEntry } from './log-writer';
import { postedEntry } from './posted-entry';
import { assertHistoryHolds, assertTransition, treatyAt } from './treaty-timeline';
import { assertPartyMove } from './party-moves';
import { assertMayWrite, writerOn, type WriteContext, type Written } from './write';

export type UpdateChange = Change & { update: Update };

/** What a post made: an update published now, or one embargoed until later. */
export type PublishedOrScheduled = { change: UpdateChange } | { scheduled: ScheduledUpdate };

type EditPayload = Extract<EntryPayload, { kind: 'update.corrected' | 'update.retracted' }>;

const later = (a: string, b: string) => (a > b ? a : b);

function withUpdate(change: Change): UpdateChange {
  if (!change.update) throw new Error(`change ${change.seq} projected no update`);
  return { ...change, update: change.update };
}

/** The update a correction or retraction refers to, which must exist and not be retracted. */
async function editable(tx: StoreTx, updateId: string, ctx: WriteContext, what: string): Promise<Update> {
  const update = await tx.getUpdate(updateId);
  if (!update) throw new DomainError('not_found', `There is no update "${updateId}".`);
  assertMayWrite(ctx.principal, update.treatyId);
  if (update.retractedAt) {
    throw new DomainError('conflict', `The update was retracted on ${update.retractedAt} and cannot be ${what}.`);
  }
  return update;
}

export function createUpdateService(store: Store, events: DomainEvents, clock: () => Date = () => new Date()) {
  const writeNow = writerOn(store, events, clock);
  return {
    /**
     * Posts an update to a treaty: at once (the value holds its change, published once committed), or, with a
     * `publishAt` still to come, held back as an embargo that the scheduler publishes then.
     */
    post(treatyId: string, body: PostUpdateBody, ctx: WriteContext): Promise<Written<PublishedOrScheduled>> {
      return writeNow(ctx, (now) => {
        const { publishAt, occurredAt } = postingTimes(body, now);
        return {
          async work(tx): Promise<PublishedOrScheduled> {
            const before = await treatyAt(tx, treatyId, occurredAt, 'occurredAt');
            assertMayWrite(ctx.principal, treatyId);
            if (body.status) assertTransition(before, body.status);
            const fields = {
              id: randomUUID(),
              treatyId,
              ...wordingOf(body),
              occurredAt,
              author: ctx.principal.name,
            };
            // An embargoed move is checked now and again at publication, against the record then.
            await assertPartyMove(tx, before, fields);
            const entry = postedEntry(fields, publishAt ?? now.toISOString());
            // An embargo is checked again at publication; refused now if the record already contradicts it.
            await assertHistoryHolds(tx, entry);
            if (publishAt) {
              const scheduled = embargo(fields, publishAt, now.toISOString());
              await tx.saveScheduled(scheduled);
              return { scheduled };
            }
            return { change: withUpdate(await commitEntry(tx, entry)) };
          },
          audit: (posted) =>
            'scheduled' in posted
              ? { action: 'update.scheduled', target: posted.scheduled.id }
              : { action: 'update.posted', target: posted.change.update.id, seq: posted.change.seq },
          answer: (posted) =>
            'scheduled' in posted
              ? { outcome: 'scheduled', body: { scheduled: posted.scheduled } }
              : { outcome: 'created', body: { update: posted.change.update, treaty: posted.change.treaty } },
        };
      });
    },

    /** Corrects an update's wording; the earlier wording stays in its revisions. */
    correct(updateId: string, body: CorrectUpdateBody, ctx: WriteContext): Promise<Written<UpdateChange>> {
      return edit(updateId, ctx, 'corrected', (update) => {
        const wording: Wording = {};
        if (body.headline !== undefined && body.headline !== update.headline) wording.headline = body.headline;
        if (body.body !== undefined && body.body !== (update.body ?? '')) wording.body = body.body;
        if (body.sourceUrl !== undefined && body.sourceUrl !== (update.sourceUrl ?? '')) wording.sourceUrl = body.sourceUrl;
        if (Object.keys(wording).length === 0) {
          throw new DomainError('invalid', 'The correction says what the update already says.', {
            errors: [{ field: '', message: 'nothing differs from the current wording' }],
          });
        }
        return { kind: 'update.corrected', updateId, wording };
      });
    },

    /** Retracts an update: it stays visible, marked, and whatever status it set is taken back. */
    retract(updateId: string, reason: string, ctx: WriteContext): Promise<Written<UpdateChange>> {
      return edit(updateId, ctx, 'retracted', () => ({ kind: 'update.retracted', updateId, reason }));
    },
  };

  /**
   * A correction or a retraction: an entry about an update that exists and is not retracted,
   * effective now (or at the update's own moment, should that be later).
   */
  function edit(
    updateId: string,
    ctx: WriteContext,
    what: 'corrected' | 'retracted',
    entry: (update: Update) => EditPayload,
  ): Promise<Written<UpdateChange>> {
    return writeNow(ctx, (now) => ({
      async work(tx) {
        const update = await editable(tx, updateId, ctx, what);
        const change = await commitEntry(tx, {
          treatyId: update.treatyId,
          effectiveAt: later(now.toISOString(), update.occurredAt),
          recordedAt: now.toISOString(),
          actor: ctx.principal.name,
          payload: entry(update),
        });
        return withUpdate(change);
      },
      audit: (change) => ({ action: `update.${what}`, target: change.update.id, seq: change.seq }),
      answer: (change) => ({ outcome: 'done', body: { update: change.update, treaty: change.treaty } }),
    }));
  }
}

export type UpdateService = ReturnType<typeof createUpdateService>;
