import type { Treaty, Update } from '@treaty-watch/shared';
import type { LogEntry } from '../store/log-entry';
import { byEffectiveOrder, foldTreaty } from './projection';

/**
 * Rebuilds the board from the log as it stood at `at`: every entry effective by then, folded
 * in effective order. Treaties come in the order they were created; one with no entry yet is
 * left out.
 */
export function boardAsOf(log: readonly LogEntry[], at: string): { treaties: Treaty[]; updates: Update[] } {
  const byTreaty = new Map<string, LogEntry[]>();
  for (const entry of log) {
    if (entry.effectiveAt > at) continue;
    const entries = byTreaty.get(entry.treatyId) ?? [];
    entries.push(entry);
    byTreaty.set(entry.treatyId, entries);
  }
  const treaties: Treaty[] = [];
  const updates: Update[] = [];
  const created = [...byTreaty.values()].map((entries) => entries.sort(byEffectiveOrder)).sort((a, b) => creationSeq(a) - creationSeq(b));
  for (const entries of created) {
    const folded = foldTreaty(entries);
    if (!folded.treaty) continue;
    treaties.push(folded.treaty);
    updates.push(...folded.updates);
  }
  return { treaties, updates };
}

function creationSeq(entries: readonly LogEntry[]): number {
  return entries.find((e) => e.payload.kind === 'treaty.created')?.seq ?? Number.MAX_SAFE_INTEGER;
}
