import type { Treaty, Update } from '@treaty-watch/shared';
import type { LogEntry } from '../store/log-entry';

export interface Projected {
  treaty: Treaty;
  update?: Update;
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Applies one log entry to a treaty's state. Pure: the live write path, a rebuild after a
 * backdated entry, and the board as of a past date all go through here, so they cannot disagree.
 */
export function applyEntry(treaty: Treaty | undefined, entry: LogEntry): Projected {
  const { payload } = entry;
  if (payload.kind === 'treaty.created') {
    if (treaty) throw new Error(`treaty ${entry.treatyId} is created twice in the log (seq ${entry.seq})`);
    return {
      treaty: {
        id: entry.treatyId,
        ...payload.fields,
        status: payload.status,
        statusSince: entry.effectiveAt,
        version: 1,
        updatedAt: entry.recordedAt,
      },
    };
  }
  if (!treaty) throw new Error(`log entry ${entry.seq} refers to treaty ${entry.treatyId} before it exists`);
  const next: Treaty = { ...treaty, version: treaty.version + 1, updatedAt: later(treaty.updatedAt, entry.recordedAt) };

  if (payload.kind === 'treaty.changed') return { treaty: { ...next, ...payload.fields } };

  const posted = payload.update;
  const update: Update = {
    id: posted.id,
    seq: entry.seq,
    treatyId: entry.treatyId,
    headline: posted.headline,
    ...(posted.body !== undefined ? { body: posted.body } : {}),
    ...(posted.sourceUrl !== undefined ? { sourceUrl: posted.sourceUrl } : {}),
    occurredAt: posted.occurredAt,
    publishedAt: posted.publishedAt,
    author: posted.author,
  };
  // Repeating the current status changes nothing (SPEC "Status and since").
  const status = posted.requestedStatus;
  if (status && status !== treaty.status) {
    update.status = status;
    update.previousStatus = treaty.status;
    next.status = status;
    next.statusSince = posted.occurredAt;
    if (status === 'signed' && !next.signedAt) next.signedAt = posted.occurredAt;
    if (status === 'in_force' && !next.inForceAt) next.inForceAt = posted.occurredAt;
  }
  return { treaty: next, update };
}

export interface FoldedTreaty {
  treaty: Treaty | undefined;
  updates: Update[];
}

/** Folds a treaty's entries, which must already be in effective order (ties by seq). */
export function foldTreaty(entries: readonly LogEntry[]): FoldedTreaty {
  let treaty: Treaty | undefined;
  const updates: Update[] = [];
  for (const entry of entries) {
    const projected = applyEntry(treaty, entry);
    treaty = projected.treaty;
    if (projected.update) updates.push(projected.update);
  }
  return { treaty, updates };
}

export function byEffectiveOrder(a: LogEntry, b: LogEntry): number {
  if (a.effectiveAt !== b.effectiveAt) return a.effectiveAt < b.effectiveAt ? -1 : 1;
  return a.seq - b.seq;
}
