/** Rows as both stores read them (JSON columns already parsed), and the records they become. */
import type { AuditEntry } from '@treaty-watch/shared';
import type { LogEntry } from './log-entry';
import type { IdempotencyRecord, TokenRecord, WriteOutcome } from './store';

export interface EventRow {
  seq: number;
  treaty_id: string;
  effective_at: string;
  recorded_at: string;
  actor: string;
  payload: LogEntry['payload'];
}

export function toEntry(row: EventRow): LogEntry {
  return {
    seq: row.seq,
    treatyId: row.treaty_id,
    effectiveAt: row.effective_at,
    recordedAt: row.recorded_at,
    actor: row.actor,
    payload: row.payload,
  };
}

export interface TokenRow {
  id: string;
  name: string;
  role: TokenRecord['role'];
  treaties: string[] | null;
  hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export function toToken(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    ...(row.treaties ? { treaties: row.treaties } : {}),
    hash: row.hash,
    createdAt: row.created_at,
    ...(row.last_used_at ? { lastUsedAt: row.last_used_at } : {}),
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  };
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  token_id: string;
  action: AuditEntry['action'];
  target: string;
  seq: number | null;
}

export function toAudit(row: AuditRow): AuditEntry {
  const { token_id: tokenId, seq, ...rest } = row;
  return { ...rest, tokenId, ...(seq !== null ? { seq } : {}) };
}

export interface IdempotencyRow {
  token_id: string;
  key: string;
  fingerprint: string;
  status: number;
  response: unknown;
  created_at: string;
}

/**
 * The idempotency table's `status` column is older than named outcomes: it keeps the code each
 * outcome was first answered with, so the records written before still replay as they were.
 */
const OUTCOME_CODES: Record<WriteOutcome, number> = { done: 200, created: 201, scheduled: 202 };

export const outcomeCode = (outcome: WriteOutcome): number => OUTCOME_CODES[outcome];

const outcomeOf = (code: number): WriteOutcome =>
  (Object.keys(OUTCOME_CODES) as WriteOutcome[]).find((outcome) => OUTCOME_CODES[outcome] === code) ?? 'done';

export function toIdempotency(row: IdempotencyRow | undefined): IdempotencyRecord | undefined {
  return (
    row && {
      tokenId: row.token_id,
      key: row.key,
      fingerprint: row.fingerprint,
      outcome: outcomeOf(row.status),
      response: row.response,
      createdAt: row.created_at,
    }
  );
}
