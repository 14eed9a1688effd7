import type { Change, ChangeKind, ClearableTreatyField, Instant, Status, TreatyFields, Update } from '@treaty-watch/shared';

/** What an editor asked an update to say; the projection decides whether its status is a change. */
export interface PostedUpdate {
  id: string;
  headline: string;
  body?: string;
  requestedStatus?: Status;
  sourceUrl?: string;
  occurredAt: Instant;
  publishedAt: Instant;
  author: string;
  /** The state it moves; the projection applies the move unless the update is retracted. */
  party?: NonNullable<Update['party']>;
}

export interface Wording {
  headline?: string;
  body?: string;
  sourceUrl?: string;
}

export type EntryPayload =
  | { kind: 'treaty.created'; fields: TreatyFields; status: Status }
  | { kind: 'treaty.changed'; fields: Partial<TreatyFields>; clear?: ClearableTreatyField[]; status?: Status }
  | { kind: 'update.posted'; update: PostedUpdate }
  | { kind: 'update.corrected'; updateId: string; wording: Wording }
  | { kind: 'update.retracted'; updateId: string; reason: string }
  /** `term`: the `expiresAt` this entry ends, so a term expires once however its entry is dated. */
  | { kind: 'treaty.expired'; term?: Instant };

/** One append-only log entry. `effectiveAt` orders the board; `seq` orders the record. */
export interface LogEntry {
  seq: number;
  treatyId: string;
  effectiveAt: Instant;
  recordedAt: Instant;
  actor: string;
  payload: EntryPayload;
}

export type NewLogEntry = Omit<LogEntry, 'seq'>;

export function entryKind(entry: Pick<LogEntry, 'payload'>): ChangeKind {
  return entry.payload.kind;
}

export type { Change };
