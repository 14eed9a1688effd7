import type { Change, ScheduledListResponse, ScheduledQuery, ScheduledUpdate } from '@treaty-watch/shared';
import type { DueResult } from './due-result';
import type { Store } from '../store/store';
import type { DomainEvents } from './domain-events';
import { draftOf } from './embargo';
import { DomainError } from './errors';
import { commitEntry } from './log-writer';
import { postedEntry } from './posted-entry';
import type { Principal } from './principal';
import { assertHistoryHolds, assertTransition, treatyAt } from './treaty-timeline';
import { assertPartyMove } from './party-moves';
import { writeDue, writerOn, type WriteContext, type Written } from './write';

/** Embargoes published per check; the rest wait a second for the next. */
const DUE_BATCH = 100;

const visibleTo = (principal: Principal) => (scheduled: ScheduledUpdate) =>
  !principal.treaties || principal.treaties.includes(scheduled.treatyId);

/** What became of a due embargo: published as a change, or refused because the treaty moved on. */
type Published = { change: Change } | { failed: ScheduledUpdate };

/**
 * Embargoed updates: listed to editors, cancelled by them, and published by the scheduler when
 * their time comes. Publication is decided inside the write transaction, which every process
 * takes in turn, so each embargo lands in the log exactly once, also after a restart.
 */
export function createEmbargoService(store: Store, events: DomainEvents, clock: () => Date = () => new Date()) {
  const writeNow = writerOn(store, events, clock);
  return {
    async list(principal: Principal, { state, limit }: ScheduledQuery): Promise<ScheduledListResponse> {
      return { scheduled: await store.listScheduled(state, limit, principal.treaties) };
    },

    async get(principal: Principal, id: string): Promise<ScheduledUpdate> {
      const scheduled = await store.getScheduled(id);
      if (!scheduled || !visibleTo(principal)(scheduled)) throw new DomainError('not_found', `There is no scheduled update "${id}".`);
      return scheduled;
    },

    cancel(id: string, ctx: WriteContext): Promise<Written<ScheduledUpdate>> {
      return writeNow(ctx, (now) => ({
        async work(tx) {
          const scheduled = await tx.getScheduled(id);
          // Another desk's embargo is not even said to exist.
          if (!scheduled || !visibleTo(ctx.principal)(scheduled))
            throw new DomainError('not_found', `There is no scheduled update "${id}".`);
          if (scheduled.state === 'published') {
            throw new DomainError(
              'conflict',
              `The update was published at ${scheduled.publishedAt ?? scheduled.publishAt}: retract it instead.`,
            );
          }
          if (scheduled.state !== 'scheduled') throw new DomainError('conflict', `The update is already ${scheduled.state}.`);
          const cancelled: ScheduledUpdate = {
            ...scheduled,
            state: 'cancelled',
            cancelledAt: now.toISOString(),
            cancelledBy: ctx.principal.name,
          };
          await tx.saveScheduled(cancelled);
          return cancelled;
        },
        audit: (cancelled) => ({ action: 'update.cancelled', target: cancelled.id }),
        answer: (cancelled) => ({ outcome: 'done', body: { scheduled: cancelled } }),
      }));
    },

    /** Publishes every embargo whose time has come. */
    async publishDue(): Promise<DueResult> {
      const now = clock();
      const at = now.toISOString();
      const results: Published[] = [];
      for (const candidate of await store.dueScheduled(at, DUE_BATCH)) {
        const became = await writeDue(store, events, now, {
          async work(tx): Promise<Published | undefined> {
            const scheduled = await tx.getScheduled(candidate.id);
            if (scheduled?.state !== 'scheduled' || scheduled.publishAt > at) return undefined;
            const entry = postedEntry(draftOf(scheduled), at);
            try {
              const before = await treatyAt(tx, scheduled.treatyId, scheduled.occurredAt, 'occurredAt');
              if (scheduled.status) assertTransition(before, scheduled.status);
              await assertHistoryHolds(tx, entry);
              await assertPartyMove(tx, before, draftOf(scheduled));
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              const failed: ScheduledUpdate = { ...scheduled, state: 'failed', failedAt: at, failure: error.message };
              await tx.saveScheduled(failed);
              return { failed };
            }
            const change = await commitEntry(tx, entry);
            await tx.saveScheduled({ ...scheduled, state: 'published', publishedSeq: change.seq, publishedAt: at });
            return { change };
          },
          audit: (published) =>
            published && 'change' in published
              ? { action: 'update.published', target: candidate.id, seq: published.change.seq }
              : undefined,
        });
        if (became) results.push(became);
      }
      return {
        changes: results.flatMap((r) => ('change' in r ? [r.change] : [])),
        refused: results.flatMap((r) => ('failed' in r ? [{ id: r.failed.id, reason: r.failed.failure ?? 'refused' }] : [])),
      };
    },
  };
}

export type EmbargoService = ReturnType<typeof createEmbargoService>;
