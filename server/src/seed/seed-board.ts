import type { Store, StoreTx } from '../store/store';
import type { NewLogEntry } from '../store/log-entry';
import { commitEntry } from '../services/log-writer';
import { buildSeedEntries } from './build-seed';

const seedUpdateId = (entry: NewLogEntry) => (entry.payload.kind === 'update.posted' ? entry.payload.update.id : undefined);

/** The seed's updates that a board seeded from an older fact sheet does not have yet, for the treaties it has. */
async function missingFrom(tx: StoreTx, entries: readonly NewLogEntry[]): Promise<NewLogEntry[]> {
  const missing: NewLogEntry[] = [];
  for (const entry of entries) {
    const id = seedUpdateId(entry);
    // A treaty the board does not have (a store filled some other way) gains nothing.
    if (id && !(await tx.update(id)) && (await tx.treaty(entry.treatyId))) missing.push(entry);
  }
  return missing;
}

/**
 * Fills an empty store with the fact sheet, in one transaction. A store that has a log already
 * gets what a newer sheet adds: each seed update is known by its id, so those it lacks are
 * appended once, as the seed's entries, and nothing an editor wrote is touched. Both checks run
 * inside the transaction, which holds the store's write lock (SQLite's one writer, PostgreSQL's
 * advisory lock), so processes starting together seed or upgrade once.
 */
export async function seedBoard(store: Store, now: Date = new Date()): Promise<number> {
  return store.transaction(async (tx) => {
    const entries = buildSeedEntries(now.toISOString());
    const due = (await tx.isEmpty()) ? entries : await missingFrom(tx, entries);
    for (const entry of due) await commitEntry(tx, entry);
    return due.length;
  });
}
