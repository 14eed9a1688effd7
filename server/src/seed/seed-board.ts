import type { Store } from '../store/store';
import { commitEntry } from '../services/log-writer';
import { buildSeedEntries } from './build-seed';

/**
 * Fills an empty store with the fact sheet, in one transaction; a store with any entry is left
 * alone. The check is inside the transaction, so processes starting together seed once.
 */
export async function seedBoard(store: Store, now: Date = new Date()): Promise<number> {
  if (!(await store.isEmpty())) return 0;
  return store.transaction(async (tx) => {
    if (!(await tx.isEmpty())) return 0;
    const entries = buildSeedEntries(now.toISOString());
    for (const entry of entries) await commitEntry(tx, entry);
    return entries.length;
  });
}
