import type { Store, StoreTx } from '../store/store';
import type { LogEntry, NewLogEntry } from '../store/log-entry';
import { canonical, commitEntry } from '../services/log-writer';
import { buildSeedEntries } from './build-seed';

/** How a seed entry is known in a log: an update by its id, any other entry by what it says and when. */
function sameEntry(a: NewLogEntry, b: NewLogEntry): boolean {
  return a.effectiveAt === b.effectiveAt && a.actor === b.actor && canonical(a.payload) === canonical(b.payload);
}

/** What a board holds of one treaty, read once per treaty rather than once per seed entry: a start reads a few queries, not hundreds. */
interface Held {
  updateIds: Set<string>;
  log?: LogEntry[];
}

/** The seed's entries that a board seeded from an older fact sheet does not have yet, for the treaties it has. */
async function missingFrom(tx: StoreTx, entries: readonly NewLogEntry[]): Promise<NewLogEntry[]> {
  const held = new Map<string, Held | null>();
  async function heldOf(treatyId: string): Promise<Held | null> {
    if (!held.has(treatyId)) {
      // A treaty the board does not have (a store filled some other way) gains nothing.
      const treaty = await tx.getTreaty(treatyId);
      held.set(treatyId, treaty ? { updateIds: new Set((await tx.treatyUpdates(treatyId)).map((u) => u.id)) } : null);
    }
    return held.get(treatyId) ?? null;
  }
  const missing: NewLogEntry[] = [];
  for (const entry of entries) {
    const treaty = await heldOf(entry.treatyId);
    if (!treaty) continue;
    const { payload } = entry;
    if (payload.kind === 'treaty.created') continue;
    if (payload.kind === 'update.posted') {
      if (!treaty.updateIds.has(payload.update.id)) missing.push(entry);
      continue;
    }
    treaty.log ??= await tx.treatyLog(entry.treatyId);
    if (!treaty.log.some((known) => sameEntry(known, entry))) missing.push(entry);
  }
  return missing;
}

/**
 * Fills an empty store with the fact sheet, in one transaction. A store that has a log already
 * gets what a newer sheet adds: the seed's entries it lacks are appended once, as the seed's
 * own backfill (history, not news: no webhook, no place in the latest list or the live feed),
 * and nothing an editor wrote is touched. Both checks run inside the transaction, which
 * holds the store's write lock (SQLite's one writer, PostgreSQL's advisory lock), so processes
 * starting together seed or upgrade once.
 */
export async function seedBoard(store: Store, now: Date = new Date()): Promise<number> {
  return store.transaction(async (tx) => {
    const entries = buildSeedEntries(now.toISOString());
    const backfill = !(await tx.isEmpty());
    const due = backfill ? await missingFrom(tx, entries) : entries;
    for (const entry of due) await commitEntry(tx, entry, { backfill });
    return due.length;
  });
}
