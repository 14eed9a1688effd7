import type { Change } from '@treaty-watch/shared';
import type { LogEntry } from '../store/log-entry';
import type { Store } from '../store/store';
import type { DomainEvents } from './domain-events';
import type { DueResult } from './due-result';
import { commitEntry } from './log-writer';
import { SCHEDULER_PRINCIPAL as SCHEDULER } from './principal';
import { EXPIRABLE, foldWith } from './projection';
import { writeDue } from './write';

/**
 * An expiry takes effect at the end of the term, unless the record already holds something
 * dated later (an update, an earlier `expiresAt` set afterwards) that would leave the treaty
 * standing: then it takes effect after that, so the treaty does end.
 */
function expiryMoment(log: readonly LogEntry[], treatyId: string, term: string): string {
  const latest = log.at(-1)?.effectiveAt;
  if (!latest || latest <= term) return term;
  const trial = foldWith(log, {
    treatyId,
    effectiveAt: term,
    recordedAt: term,
    actor: SCHEDULER.name,
    payload: { kind: 'treaty.expired', term },
  });
  return trial.treaty?.status === 'expired' ? term : latest;
}

/**
 * Treaties whose term has run out expire on their own, once a term. Each expiry is decided
 * inside the write transaction, which every process takes in turn, so it lands in the log
 * exactly once however many processes notice it, and one missed while the server was down
 * lands at start.
 */
export function createExpiryService(store: Store, events: DomainEvents, clock: () => Date = () => new Date()) {
  return {
    async expireDue(): Promise<DueResult> {
      const now = clock();
      const due = (await store.listTreaties()).filter(
        (t) => EXPIRABLE.includes(t.status) && t.expiresAt && t.expiresAt <= now.toISOString(),
      );
      const changes: Change[] = [];
      for (const candidate of due) {
        const expired = await writeDue(store, events, now, {
          async work(tx) {
            const treaty = await tx.getTreaty(candidate.id);
            const term = treaty?.expiresAt;
            if (!treaty || !term || !EXPIRABLE.includes(treaty.status) || term > now.toISOString()) return undefined;
            const log = await tx.treatyLog(treaty.id);
            if (log.some((e) => e.payload.kind === 'treaty.expired' && (e.payload.term ?? e.effectiveAt) === term)) return undefined;
            return commitEntry(tx, {
              treatyId: treaty.id,
              effectiveAt: expiryMoment(log, treaty.id, term),
              recordedAt: now.toISOString(),
              actor: SCHEDULER.name,
              payload: { kind: 'treaty.expired', term },
            });
          },
          audit: (change) => change && { action: 'treaty.expired', target: candidate.id, seq: change.seq },
        });
        if (expired) changes.push(expired);
      }
      return { changes };
    },
  };
}
