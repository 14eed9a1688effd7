import type { Cadence } from '@treaty-watch/shared';

/** A reader's subscription as kept: the address only ever sits here, and goes with an unsubscribe. */
export interface SubscriptionRecord {
  id: string;
  email: string;
  /** Every treaty when absent. */
  treaties?: string[];
  cadence: Cadence;
  /** The hour (UTC) of a daily digest. */
  hour?: number;
  createdAt: string;
  confirmedAt?: string;
  /** The log's seq when the address was confirmed: only later changes are mailed to it. */
  fromSeq?: number;
  /** A daily digest's next moment, and the seq the last one covered up to. */
  nextDigestAt?: string;
  digestSeq?: number;
}

/** A link's purpose: confirming the address, or managing (and leaving) the subscription. */
export type TokenPurpose = 'confirm' | 'manage';

/** A link's token as kept: its hash only. */
export interface SubscriptionToken {
  hash: string;
  subscriptionId: string;
  purpose: TokenPurpose;
  createdAt: string;
}

export type MailKind = 'confirm' | 'already-subscribed' | 'change' | 'digest';

/**
 * One message in the outbox. Its links' tokens are made when it is sent and only their hashes
 * are kept, so the outbox holds nothing that would let someone act for the reader.
 */
export interface MailRecord {
  id: string;
  subscriptionId: string;
  kind: MailKind;
  /** A change message: its change's seq. A digest: the last seq it covers. */
  seq?: number;
  /** A digest: the seq it covers changes after. */
  afterSeq?: number;
  /** `failed`: given up on, or nothing left to send. */
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  sentAt?: string;
  /** Why the last attempt failed, in a few words (never the server's whole answer). */
  lastError?: string;
  leaseId?: string;
  leaseUntil?: string;
}

/** A message with the key that keeps the same message from being queued twice. */
export interface QueuedMail {
  key: string;
  mail: MailRecord;
}

export interface MailCounts {
  awaitingConfirmation: number;
  confirmed: number;
  immediate: number;
  daily: number;
  queued: number;
  retrying: number;
  sentLastDay: number;
}

/** Inside one transaction, which on PostgreSQL also holds the mail lock, so processes take turns. */
export interface SubscriptionTx {
  byEmail(email: string): Promise<SubscriptionRecord | undefined>;
  byId(id: string): Promise<SubscriptionRecord | undefined>;
  /** Every subscription, confirmed or not, oldest first. */
  all(): Promise<SubscriptionRecord[]>;
  /** Every link's token, by hash, so links already mailed keep working in a store rebuilt from an export. */
  tokens(): Promise<SubscriptionToken[]>;
  save(subscription: SubscriptionRecord): Promise<void>;
  /** The subscription, its tokens and its messages: nothing of the address is left. */
  remove(id: string): Promise<void>;
  addToken(hash: string, subscriptionId: string, purpose: TokenPurpose, at: string): Promise<void>;
  /** Whose token this is, when it is one of that purpose. */
  tokenOwner(hash: string, purpose: TokenPurpose): Promise<string | undefined>;
  dropTokens(subscriptionId: string, purpose: TokenPurpose): Promise<void>;
  /** Queues a message unless one with the same key is queued or sent already: a repeat adds nothing. */
  queueMail(mail: MailRecord, key: string): Promise<void>;
  saveMail(mail: MailRecord): Promise<void>;
  mail(id: string): Promise<MailRecord | undefined>;
  /** Every message, waiting, sent or given up, with its key, oldest first: what an export carries. */
  outbox(): Promise<QueuedMail[]>;
  /** When the subscription's messages of these kinds were queued, since `since`. */
  queuedSince(subscriptionId: string, kinds: readonly MailKind[], since: string): Promise<string[]>;
  /** When its messages went out, since `since`, earliest first: the per-address rate. */
  sentSince(subscriptionId: string, since: string): Promise<string[]>;
  /** The seq up to which changes have been turned into messages for immediate subscribers. */
  cursor(): Promise<number | undefined>;
  setCursor(seq: number): Promise<void>;
  confirmed(cadence: Cadence): Promise<SubscriptionRecord[]>;
  /** Daily subscriptions whose digest is due by `at`. */
  dueDigests(at: string): Promise<SubscriptionRecord[]>;
  /** Forgets messages done with (sent or given up) queued before `sentBefore`, and addresses never confirmed since `unconfirmedBefore`. */
  prune(sentBefore: string, unconfirmedBefore: string): Promise<void>;
}

export interface SubscriptionStore {
  transaction<T>(work: (tx: SubscriptionTx) => Promise<T>): Promise<T>;
  /** Pending messages due by `at` whose lease (if any) has run out: the earliest due first, then in seq order. */
  dueMail(at: string, limit: number): Promise<MailRecord[]>;
  counts(since: string, now: string): Promise<MailCounts>;
}

/** The readers' subscriptions and their outbox, one migration of their own, the same SQL on both stores. */
export const SUBSCRIPTIONS_MIGRATION = `
  CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    cadence TEXT NOT NULL,
    confirmed_at TEXT,
    next_digest_at TEXT,
    created_at TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX subscriptions_by_digest ON subscriptions (cadence, next_digest_at);
  CREATE TABLE subscription_tokens (
    hash TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL,
    purpose TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX subscription_tokens_by_owner ON subscription_tokens (subscription_id);
  CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    seq INTEGER,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    sent_at TEXT,
    data TEXT NOT NULL
  );
  CREATE INDEX mail_due ON mail_outbox (state, next_attempt_at);
  CREATE INDEX mail_by_subscription ON mail_outbox (subscription_id, sent_at);
  CREATE TABLE mail_cursor (
    name TEXT PRIMARY KEY,
    seq INTEGER NOT NULL
  );
`;
