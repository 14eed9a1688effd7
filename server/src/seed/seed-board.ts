import type { Store } from '../store/store';
import { commitEntry } from '../services/log-writer';
import { buildSeedEntries } from './build-seed';

/** Fills an empty store with the fact sheet, in one transaction; a store with any entry is left alone. */
export async function seedBoard(store: Store, now: Date = new Date()): Promise<number> {
  if (!(await store.isEmpty())) return 0;
  const entries = buildSeedEntries(now.toISOString());
  await store.transaction(async (tx) => {
    for (const entry of entries) await commitEntry(tx, entry);
  });
  return entries.length;
}
