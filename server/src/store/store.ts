import type { AuditEntry, AuditFilter, Change, Role, ScheduledState, ScheduledUpdate, Treaty, Update } from '@treaty-watch/shared';
import type { LogEntry, NewLogEntry } from './log-entry';
import type { SessionStore } from './session-store';
import type { SubscriptionStore } from './subscription-store';
import type { Found, UpdateSearch } from './search-doc';
import type { WebhookReads, WebhookTx } from './webhook-store';

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  treaties?: string[];
  hash: string;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** How a write went, in the domain's words: a thing made, a thing held back for later, or done. */
export type WriteOutcome = 'created' | 'scheduled' | 'done';

/** A write's answer, kept so that a retry with the same Idempotency-Key gets it again. */
export interface IdempotencyRecord {
  tokenId: string;
  key: string;
  fingerprint: string;
  outcome: WriteOutcome;
  response: unknown;
  createdAt: string;
}

/** Reads and writes inside one transaction: either all of them land, or none. */
export interface StoreTx extends WebhookTx {
  /** Whether the log has no entry yet, as this transaction sees it. */
  isEmpty(): Promise<boolean>;
  append(entry: NewLogEntry): Promise<LogEntry>;
  /** The change clients receive for an entry, kept beside it so a replay sends exactly what was broadcast. */
  recordChange(change: Change): Promise<void>;
  getTreaty(id: string): Promise<Treaty | undefined>;
  getUpdate(id: string): Promise<Update | undefined>;
  /** A treaty's updates as they stand in this transaction, newest `occurredAt` first, ties by seq (newest first). */
  treatyUpdates(id: string): Promise<Update[]>;
  /** A treaty's entries in effective order, ties by seq. */
  treatyLog(id: string): Promise<LogEntry[]>;
  /** The latest effective moment among a treaty's entries, if it has any. */
  latestEffectiveAt(id: string): Promise<string | undefined>;
  saveTreaty(treaty: Treaty): Promise<void>;
  /** Saves the update and, in the same transaction, its wording in the search index. */
  saveUpdate(update: Update): Promise<void>;
  audit(entry: NewAuditEntry): Promise<void>;
  createToken(token: TokenRecord): Promise<void>;
  /** Marks the token revoked (once: a second revocation keeps the first moment); undefined when there is none. */
  revokeToken(id: string, at: string): Promise<TokenRecord | undefined>;
  /** Tokens of that name, revoked ones included, ignoring case; oldest first. */
  tokensNamed(name: string): Promise<TokenRecord[]>;
  findIdempotency(tokenId: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Keeps the record and forgets those older than `expireBefore`. */
  saveIdempotency(record: IdempotencyRecord, expireBefore: string): Promise<void>;
  getScheduled(id: string): Promise<ScheduledUpdate | undefined>;
  /** Inserts an embargoed update or replaces it with its new state; the search index follows. */
  saveScheduled(scheduled: ScheduledUpdate): Promise<void>;
}

/**
 * Everything the server keeps. Async throughout, so that PostgreSQL can implement it too;
 * nothing outside `store/` knows which implementation it was given.
 */
export interface Store extends WebhookReads {
  readonly kind: string;
  readonly sessions: SessionStore;
  /** Readers' email subscriptions and their outbox, outside the log: a subscription is not a change to the board. */
  readonly subscriptions: SubscriptionStore;
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  currentSeq(): Promise<number>;
  isEmpty(): Promise<boolean>;
  listTreaties(): Promise<Treaty[]>;
  getTreaty(id: string): Promise<Treaty | undefined>;
  getUpdate(id: string): Promise<Update | undefined>;
  /** Newest `occurredAt` first, ties by seq (newest first). */
  treatyUpdates(id: string): Promise<Update[]>;
  /** Updates posted after `seq`, in seq order. */
  updatesAfter(seq: number, limit: number): Promise<Update[]>;
  /** The `limit` highest seqs, newest first, leaving out the seed's backfill (see `Change.backfill`). */
  latestUpdates(limit: number): Promise<Update[]>;
  /** Updates that took effect from `from` on (occurredAt), any order. */
  updatesSince(from: string): Promise<Update[]>;
  /** Broadcast changes after `seq`, in seq order. */
  changesAfter(seq: number, limit: number): Promise<Change[]>;
  /** Every log entry in seq order: the source the board can be rebuilt from. */
  logEntries(afterSeq: number, limit: number): Promise<LogEntry[]>;

  findTokenByHash(hash: string): Promise<TokenRecord | undefined>;
  getToken(id: string): Promise<TokenRecord | undefined>;
  listTokens(): Promise<TokenRecord[]>;
  touchToken(id: string, at: string): Promise<void>;
  /** Newest first, before the audit id `before` when given; only those the filter names. */
  auditEntries(before: number | undefined, limit: number, filter?: AuditFilter): Promise<AuditEntry[]>;
  /** Oldest first, after the audit id `after`: how an export reads the whole trail. */
  auditEntriesAfter(after: number, limit: number): Promise<AuditEntry[]>;
  findIdempotency(tokenId: string, key: string): Promise<IdempotencyRecord | undefined>;
  getScheduled(id: string): Promise<ScheduledUpdate | undefined>;
  /** Embargoed updates, latest `publishAt` first; only those in `state`, and of `treaties`, when given. */
  listScheduled(state: ScheduledState | undefined, limit: number, treaties?: readonly string[]): Promise<ScheduledUpdate[]>;
  /** Embargoes still waiting whose `publishAt` is at or before `at`, earliest first. */
  dueScheduled(at: string, limit: number): Promise<ScheduledUpdate[]>;
  /** Updates whose headline and body hold every term, newest first: `occurredAt`, then seq, then id. */
  searchUpdates(query: UpdateSearch): Promise<Found[]>;

  close(): Promise<void>;
}
