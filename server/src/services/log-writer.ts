import type { Change, Update } from '@treaty-watch/shared';
import type { LogEntry, NewLogEntry } from '../store/log-entry';
import type { StoreTx } from '../store/store';
import { applyEntry, foldTreaty, type Projected } from './projection';
import { enqueueDeliveries } from './webhook-outbox';
import { partySummaryOf } from './party-fold';

/** JSON with its keys sorted: PostgreSQL's JSONB gives them back in an order of its own. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** The update an entry creates or touches, if any. */
function updateIdOf(entry: LogEntry): string | undefined {
  const { payload } = entry;
  if (payload.kind === 'update.posted') return payload.update.id;
  if (payload.kind === 'update.corrected' || payload.kind === 'update.retracted') return payload.updateId;
  return undefined;
}

/**
 * The one write path: append the entry, bring the projection up to date, record the change
 * clients will receive and queue it for the webhooks, all inside the caller's transaction. A
 * backfill (the seed upgrading a board) is recorded and marked as such, and queued for no one.
 */
export async function commitEntry(tx: StoreTx, entry: NewLogEntry, { backfill = false } = {}): Promise<Change> {
  const latest = await tx.latestEffectiveAt(entry.treatyId);
  const appended = await tx.append(entry);
  const updateId = updateIdOf(appended);
  let projected: Projected;
  // A backdated entry can change what every later entry of the treaty meant (which status was
  // a change, since when), and a retraction takes back a status from the past: both fold the
  // treaty's whole history again. Everything else applies on top of the current state.
  const refold = appended.payload.kind === 'update.retracted' || (latest !== undefined && entry.effectiveAt < latest);
  if (!refold) {
    const target = updateId && appended.payload.kind !== 'update.posted' ? await tx.getUpdate(updateId) : undefined;
    projected = applyEntry(await tx.getTreaty(entry.treatyId), appended, target);
    if (projected.update) await tx.saveUpdate(projected.update);
  } else {
    const stored = new Map((await tx.treatyUpdates(entry.treatyId)).map((u) => [u.id, canonical(u)]));
    const folded = foldTreaty(await tx.treatyLog(entry.treatyId));
    if (!folded.treaty) throw new Error(`treaty ${entry.treatyId} has no creation entry`);
    const changed = folded.updates.filter((u) => stored.get(u.id) !== canonical(u));
    for (const update of changed) await tx.saveUpdate(update);
    const update: Update | undefined = folded.updates.find((u) => u.id === updateId);
    const others = changed.filter((u) => u.id !== updateId);
    projected = { treaty: folded.treaty, ...(update ? { update } : {}), ...(others.length ? { revised: others } : {}) };
  }
  // A move, its retraction or a refold can change who stands where; any other entry keeps the summary it found.
  if (refold || projected.update?.party) {
    const summary = partySummaryOf(entry.treatyId, await tx.treatyUpdates(entry.treatyId));
    const { partySummary: _stale, ...treaty } = projected.treaty;
    projected = { ...projected, treaty: summary ? { ...treaty, partySummary: summary } : treaty };
  }
  await tx.saveTreaty(projected.treaty);
  const change: Change = {
    seq: appended.seq,
    kind: appended.payload.kind,
    treaty: projected.treaty,
    ...(projected.update ? { update: projected.update } : {}),
    ...(projected.revised ? { revised: projected.revised } : {}),
    ...(backfill ? { backfill } : {}),
  };
  await tx.recordChange(change);
  if (!backfill) await enqueueDeliveries(tx, change, appended.recordedAt);
  return change;
}
