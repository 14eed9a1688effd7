import type { Status, Treaty, Update } from '@treaty-watch/shared';
import type { LogEntry, NewLogEntry, LoggedUpdate, Wording } from '../store/log-entry';

/** A treaty as the log makes it, with the updates an entry touched. */
export interface Projected {
  treaty: Treaty;
  update?: Update;
  /** Other updates whose meaning a refold changed. */
  revised?: Update[];
}

const later = (a: string, b: string) => (a > b ? a : b);

/** The statuses a treaty's term can run out in: both in_force and suspended may go to expired. */
export const EXPIRABLE: readonly Status[] = ['in_force', 'suspended'];

function projectPosted(entry: LogEntry, posted: LoggedUpdate): Update {
  return {
    id: posted.id,
    seq: entry.seq,
    treatyId: entry.treatyId,
    headline: posted.headline,
    ...(posted.body !== undefined ? { body: posted.body } : {}),
    ...(posted.sourceUrl !== undefined ? { sourceUrl: posted.sourceUrl } : {}),
    occurredAt: posted.occurredAt,
    publishedAt: posted.publishedAt,
    author: posted.author,
    ...(posted.party ? { party: posted.party } : {}),
  };
}

function corrected(update: Update, wording: Wording, entry: LogEntry): Update {
  const { headline, body, sourceUrl } = update;
  const next: Update = {
    ...update,
    correctedAt: entry.effectiveAt,
    revisions: [
      ...(update.revisions ?? []),
      {
        headline,
        ...(body !== undefined ? { body } : {}),
        ...(sourceUrl !== undefined ? { sourceUrl } : {}),
        replacedAt: entry.effectiveAt,
        replacedBy: entry.actor,
      },
    ],
  };
  if (wording.headline !== undefined) next.headline = wording.headline;
  // An empty body or source in a correction removes it.
  if (wording.body !== undefined) {
    if (wording.body === '') delete next.body;
    else next.body = wording.body;
  }
  if (wording.sourceUrl !== undefined) {
    if (wording.sourceUrl === '') delete next.sourceUrl;
    else next.sourceUrl = wording.sourceUrl;
  }
  return next;
}

/**
 * Applies one log entry to a treaty's state. Pure: the live write path, a rebuild after a
 * backdated entry or a retraction, and the board as of a past date all go through here, so
 * they cannot disagree.
 *
 * `target` is the update a correction or retraction refers to; `retracted` lists updates that
 * the log retracts, whose status change no longer counts.
 */
export function applyEntry(
  treaty: Treaty | undefined,
  entry: LogEntry,
  target?: Update,
  retracted: ReadonlySet<string> = new Set(),
): Projected {
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

  switch (payload.kind) {
    case 'treaty.changed': {
      const cleared: readonly string[] = payload.clear ?? [];
      const changed = Object.fromEntries(
        Object.entries({ ...next, ...payload.fields }).filter(([field]) => !cleared.includes(field)),
      ) as Treaty;
      if (payload.status && payload.status !== treaty.status) {
        changed.status = payload.status;
        changed.statusSince = entry.effectiveAt;
      }
      return { treaty: changed };
    }
    case 'treaty.expired':
      // The end of its term, reached on the calendar, ends a treaty in force or suspended; one
      // already ended, or with a withdrawal under way, is left as it is.
      return { treaty: EXPIRABLE.includes(next.status) ? { ...next, status: 'expired', statusSince: entry.effectiveAt } : next };
    case 'update.posted': {
      const update = projectPosted(entry, payload.update);
      const status = payload.update.requestedStatus;
      if (retracted.has(update.id)) {
        if (status) update.requestedStatus = status;
      } else if (status && status !== treaty.status) {
        // A status is a change only if it differs from the current one: repeating it changes nothing.
        update.status = status;
        update.previousStatus = treaty.status;
        next.status = status;
        next.statusSince = update.occurredAt;
        if (status === 'signed' && !next.signedAt) next.signedAt = update.occurredAt;
        if (status === 'in_force' && !next.inForceAt) next.inForceAt = update.occurredAt;
      }
      return { treaty: next, update };
    }
    case 'update.corrected':
      if (!target) throw new Error(`log entry ${entry.seq} corrects an update that is not there`);
      return { treaty: next, update: corrected(target, payload.wording, entry) };
    case 'update.retracted':
      if (!target) throw new Error(`log entry ${entry.seq} retracts an update that is not there`);
      return { treaty: next, update: { ...target, retractedAt: entry.effectiveAt, retractionReason: payload.reason } };
  }
}

/** A status change the fold made, at the entry that made it. */
export interface Transition {
  from: Status;
  to: Status;
  entry: LogEntry;
}

export interface FoldedTreaty {
  treaty: Treaty | undefined;
  /** Every update as it stands after the fold, in the order they were first posted. */
  updates: Update[];
  transitions: Transition[];
}

/** Folds a treaty's entries, which must already be in effective order (ties by seq). */
export function foldTreaty(entries: readonly LogEntry[]): FoldedTreaty {
  const retracted = new Set(entries.flatMap((e) => (e.payload.kind === 'update.retracted' ? [e.payload.updateId] : [])));
  let treaty: Treaty | undefined;
  const updates = new Map<string, Update>();
  const transitions: Transition[] = [];
  for (const entry of entries) {
    const targetId = 'updateId' in entry.payload ? entry.payload.updateId : undefined;
    const projected = applyEntry(treaty, entry, targetId ? updates.get(targetId) : undefined, retracted);
    if (treaty && projected.treaty.status !== treaty.status) transitions.push({ from: treaty.status, to: projected.treaty.status, entry });
    treaty = projected.treaty;
    if (projected.update) updates.set(projected.update.id, projected.update);
  }
  return { treaty, updates: [...updates.values()], transitions };
}

/**
 * The treaty's log folded with `entry` added where it would take effect; as it has no seq yet,
 * it goes after every recorded entry of the same moment. `added` is it, as placed.
 */
export function foldWith(log: readonly LogEntry[], entry: NewLogEntry): FoldedTreaty & { added: LogEntry } {
  const added: LogEntry = { ...entry, seq: Number.MAX_SAFE_INTEGER };
  return { ...foldTreaty([...log, added].sort(byEffectiveOrder)), added };
}

export function byEffectiveOrder(a: LogEntry, b: LogEntry): number {
  if (a.effectiveAt !== b.effectiveAt) return a.effectiveAt < b.effectiveAt ? -1 : 1;
  return a.seq - b.seq;
}
