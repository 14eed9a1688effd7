import type { Change, Update } from '@treaty-watch/shared';
import type { NewLogEntry } from '../store/log-entry';
import type { StoreTx } from '../store/store';
import { applyEntry, foldTreaty, type Projected } from './projection';

/**
 * The one write path: append the entry, bring the projection up to date and record the change
 * clients will receive, all inside the caller's transaction.
 */
export async function commitEntry(tx: StoreTx, entry: NewLogEntry): Promise<Change> {
  const latest = await tx.latestEffectiveAt(entry.treatyId);
  const appended = await tx.append(entry);
  let projected: Projected;
  if (latest === undefined || entry.effectiveAt >= latest) {
    projected = applyEntry(await tx.treaty(entry.treatyId), appended);
    if (projected.update) await tx.saveUpdate(projected.update);
  } else {
    // A backdated entry can change what every later entry of this treaty meant (which status
    // was a change, since when), so the treaty's whole history is folded again in effective order.
    const folded = foldTreaty(await tx.treatyLog(entry.treatyId));
    if (!folded.treaty) throw new Error(`treaty ${entry.treatyId} has no creation entry`);
    for (const update of folded.updates) await tx.saveUpdate(update);
    const update: Update | undefined = folded.updates.find((u) => u.seq === appended.seq);
    projected = { treaty: folded.treaty, ...(update ? { update } : {}) };
  }
  await tx.saveTreaty(projected.treaty);
  const change: Change = {
    seq: appended.seq,
    kind: appended.payload.kind,
    treaty: projected.treaty,
    ...(projected.update ? { update: projected.update } : {}),
  };
  await tx.recordChange(change);
  return change;
}
