import type { AuditEntry, ScheduledUpdate } from '@treaty-watch/shared';
import type { LogEntry } from '../store/log-entry';
import type { Store, TokenRecord } from '../store/store';
import type { WebhookRecord } from '../store/webhook-store';
import { commitEntry } from './log-writer';

/**
 * One line of an export: a log entry; a token (its hash only) so desks keep their access; the
 * audit trail; embargoed updates; webhook endpoints with their secrets, so partners need not
 * be told a new one. Idempotency records (24 hours) and delivery logs stay behind.
 */
export type ExportLine =
  | ({ type: 'entry' } & LogEntry)
  | ({ type: 'token' } & TokenRecord)
  | ({ type: 'audit' } & AuditEntry)
  | ({ type: 'scheduled' } & ScheduledUpdate)
  | ({ type: 'webhook' } & WebhookRecord);

export type ImportCounts = Record<ExportLine['type'], number>;

const PAGE = 1000;
/** Embargoes and endpoints are a desk's handful, not a log's millions. */
const ALL_SCHEDULED = 100_000;

/** The whole log in seq order, then the rest: everything a store is rebuilt from. */
export async function* exportLines(store: Store): AsyncGenerator<ExportLine> {
  for (let after = 0; ;) {
    const entries = await store.logEntries(after, PAGE);
    if (entries.length === 0) break;
    for (const entry of entries) yield { type: 'entry', ...entry };
    after = entries.at(-1)?.seq ?? after;
  }
  for (const token of await store.listTokens()) yield { type: 'token', ...token };
  for (let after = 0; ;) {
    const entries = await store.auditEntriesAfter(after, PAGE);
    if (entries.length === 0) break;
    for (const entry of entries) yield { type: 'audit', ...entry };
    after = entries.at(-1)?.id ?? after;
  }
  for (const scheduled of await store.listScheduled(undefined, ALL_SCHEDULED)) yield { type: 'scheduled', ...scheduled };
  for (const webhook of await store.listWebhooks()) yield { type: 'webhook', ...webhook };
}

/**
 * Rebuilds an empty store from an export, in one transaction: every entry goes through the same
 * write path as when it was first made, so the board comes out the same, seq for seq. Endpoints
 * come last, so the history being rebuilt is not sent to them again.
 */
export async function importLines(store: Store, lines: AsyncIterable<ExportLine>): Promise<ImportCounts> {
  if (!(await store.isEmpty())) throw new Error('import needs an empty store: this one already has a log');
  return store.transaction(async (tx) => {
    const counts: ImportCounts = { entry: 0, token: 0, audit: 0, scheduled: 0, webhook: 0 };
    for await (const line of lines) {
      counts[line.type] += 1;
      switch (line.type) {
        case 'entry': {
          const { type: _type, seq, ...entry } = line;
          const change = await commitEntry(tx, entry);
          if (change.seq !== seq) throw new Error(`the export has a gap: entry ${seq} would become ${change.seq}`);
          break;
        }
        case 'token': {
          const { type: _type, ...token } = line;
          await tx.createToken(token);
          break;
        }
        case 'audit': {
          const { type: _type, id: _id, ...entry } = line;
          await tx.audit(entry);
          break;
        }
        case 'scheduled': {
          const { type: _type, ...scheduled } = line;
          await tx.saveScheduled(scheduled);
          break;
        }
        case 'webhook': {
          const { type: _type, ...webhook } = line;
          await tx.saveWebhook(webhook);
          break;
        }
        default:
          throw new Error(`an export line of unknown type ${JSON.stringify((line as { type?: unknown }).type)}`);
      }
    }
    return counts;
  });
}
