import {
  CLEARABLE_TREATY_FIELDS,
  type Change,
  type ChangeTreatyBody,
  type ClearableTreatyField,
  type CreateTreatyBody,
  type TreatyFields,
} from '@treaty-watch/shared';
import type { NewLogEntry } from '../store/log-entry';
import type { Store } from '../store/store';
import type { DomainEvents } from './domain-events';
import { DomainError } from './errors';
import { commitEntry } from './log-writer';
import { assertHistoryHolds, assertTransition, FUTURE_TOLERANCE_MS, treatyAt } from './treaty-timeline';
import { writerOn, type WriteContext, type Written } from './write';

function effectiveAtOf(requested: string | undefined, now: Date): string {
  if (!requested) return now.toISOString();
  const at = new Date(requested).toISOString();
  if (Date.parse(at) > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError('invalid', 'effectiveAt is in the future', {
      errors: [{ field: 'effectiveAt', message: 'must not be in the future' }],
    });
  }
  return at;
}

/** Treaty administration: every change is a dated log entry, so the as-of board knows it too. */
export function createTreatyService(store: Store, events: DomainEvents, clock: () => Date = () => new Date()) {
  const writeNow = writerOn(store, events, clock);
  return {
    create(body: CreateTreatyBody, ctx: WriteContext): Promise<Written<Change>> {
      return writeNow(ctx, (now) => {
        const effectiveAt = effectiveAtOf(body.effectiveAt, now);
        const { id, status, effectiveAt: _effectiveAt, ...fields } = body;
        return {
          async work(tx) {
            if (await tx.getTreaty(id)) throw new DomainError('conflict', `There is already a treaty "${id}".`);
            return commitEntry(tx, {
              treatyId: id,
              effectiveAt,
              recordedAt: now.toISOString(),
              actor: ctx.principal.name,
              payload: { kind: 'treaty.created', status, fields },
            });
          },
          audit: (change) => ({ action: 'treaty.created', target: change.treaty.id, seq: change.seq }),
          answer: (change) => ({ outcome: 'created', body: { treaty: change.treaty } }),
        };
      });
    },

    /** Changes a treaty whose version is still `ifMatch`; a stale version is a conflict. */
    change(id: string, body: ChangeTreatyBody, ifMatch: number, ctx: WriteContext): Promise<Written<Change>> {
      return writeNow(ctx, (now) => {
        const effectiveAt = effectiveAtOf(body.effectiveAt, now);
        const { status, effectiveAt: _effectiveAt, ...requested } = body;
        const fields: Partial<TreatyFields> = {};
        const clear: ClearableTreatyField[] = [];
        for (const [key, value] of Object.entries(requested)) {
          if (value === null && (CLEARABLE_TREATY_FIELDS as readonly string[]).includes(key)) clear.push(key as ClearableTreatyField);
          // Object.entries drops `undefined` from the type, but an optional field a caller set may hold it.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
          else if (value !== undefined) Object.assign(fields, { [key]: value });
        }
        return {
          async work(tx) {
            const current = await tx.getTreaty(id);
            if (!current) throw new DomainError('not_found', `There is no treaty "${id}".`);
            if (current.version !== ifMatch) {
              throw new DomainError('conflict', `The treaty is at version ${current.version}, not ${ifMatch}: reload it and try again.`);
            }
            if (status) assertTransition(await treatyAt(tx, id, effectiveAt, 'effectiveAt'), status);
            const entry: NewLogEntry = {
              treatyId: id,
              effectiveAt,
              recordedAt: now.toISOString(),
              actor: ctx.principal.name,
              payload: { kind: 'treaty.changed', fields, ...(clear.length ? { clear } : {}), ...(status ? { status } : {}) },
            };
            await assertHistoryHolds(tx, entry);
            return commitEntry(tx, entry);
          },
          audit: (change) => ({ action: 'treaty.changed', target: change.treaty.id, seq: change.seq }),
          answer: (change) => ({ outcome: 'done', body: { treaty: change.treaty } }),
        };
      });
    },
  };
}

export type TreatyService = ReturnType<typeof createTreatyService>;
