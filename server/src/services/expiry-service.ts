import type { Change } from '@treaty-watch/shared';
import type { DueResult } from './due-result';
import type { Store } from '../store/store';
import { commitEntry } from './log-writer';
import { EXPIRABLE } from './projection';
import { SCHEDULER_PRINCIPAL as SCHEDULER } from './principal';
import { write } from './write';

/**
 * Treaties whose term has run out expire on their own. Each expiry is decided inside the write
 * transaction, which every process takes in turn, so it lands in the log exactly once however
 * many processes notice it, and an expiry missed while the server was down lands at start.
 */
export function createExpiryService(store: Store, clock: () => Date = () => new Date()) {
  return {
    async expireDue(): Promise<DueResult> {
      const now = clock();
      const due = (await store.listTreaties()).filter((t) => EXPIRABLE.includes(t.status) && t.expiresAt && t.expiresAt <= now.toISOString());
      const changes: Change[] = [];
      for (const candidate of due) {
        const written = await write(store, { principal: SCHEDULER }, now, {
          async work(tx) {
            const treaty = await tx.treaty(candidate.id);
            if (!treaty?.expiresAt || !EXPIRABLE.includes(treaty.status) || treaty.expiresAt > now.toISOString()) return undefined;
            return commitEntry(tx, {
              treatyId: treaty.id,
              effectiveAt: treaty.expiresAt,
              recordedAt: now.toISOString(),
              actor: SCHEDULER.name,
              payload: { kind: 'treaty.expired' },
            });
          },
          audit: (change) => change && { action: 'treaty.expired', target: candidate.id, seq: change.seq },
          respond: () => ({ status: 200, body: null }),
        });
        if (written.value) changes.push(written.value);
      }
      return { changes };
    },
  };
}

export type ExpiryService = ReturnType<typeof createExpiryService>;
