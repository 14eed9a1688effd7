import type { AuditEntry, ScheduledUpdate } from '@treaty-watch/shared';
import type { LogEntry } from '../store/log-entry';
import type { Store, TokenRecord } from '../store/store';
import type { QueuedMail, SubscriptionRecord, SubscriptionToken } from '../store/subscription-store';
import type { WebhookRecord } from '../store/webhook-store';
import { commitEntry } from './log-writer';

/**
 * One line of an export: a log entry; a token (its hash only) so desks keep their access; the
 * audit trail; embargoed updates; webhook endpoints with their secrets, so partners need not
 * be told a new one; readers' email subscriptions with their links' token hashes, so the
 * unsubscribe link in every mail already sent still works; the mail outbox, so a message waiting
 * at the export is sent from the new store and one already sent is not sent again (its key), and
 * each address's recent mail still counts against its rate; and the seq mail had reached.
 * Idempotency records (24 hours) and webhook delivery logs stay behind.
 */
export type ExportLine =
  | ({ type: 'entry' } & LogEntry)
  | ({ type: 'token' } & TokenRecord)
  | ({ type: 'audit' } & AuditEntry)
  | ({ type: 'scheduled' } & ScheduledUpdate)
  | ({ type: 'webhook' } & WebhookRecord)
  | ({ type: 'subscription' } & SubscriptionRecord)
  | ({ type: 'subscription-token' } & SubscriptionToken)
  | ({ type: 'mail' } & QueuedMail)
  | { type: 'mail-cursor'; seq: number };

/** The log and what sits beside it went in, the email subscriptions did not: the store is no longer empty. */
export class SubscriptionsNotImported extends Error {
  constructor(override readonly cause: unknown) {
    super(
      `the log, tokens, audit trail, embargoes and webhooks were imported, but the email subscriptions were not (${cause instanceof Error ? cause.message : String(cause)}): empty the store and import again`,
    );
    this.name = 'SubscriptionsNotImported';
  }
}

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
  const mail = await store.subscriptions.transaction(async (tx) => ({
    subscriptions: await tx.all(),
    tokens: await tx.tokens(),
    outbox: await tx.outbox(),
    cursor: await tx.cursor(),
  }));
  for (const subscription of mail.subscriptions) yield { type: 'subscription', ...subscription };
  for (const token of mail.tokens) yield { type: 'subscription-token', ...token };
  for (const queued of mail.outbox) yield { type: 'mail', ...queued };
  if (mail.cursor !== undefined) yield { type: 'mail-cursor', seq: mail.cursor };
}

type MailLine = Extract<ExportLine, { type: 'subscription' | 'subscription-token' | 'mail' | 'mail-cursor' }>;

/**
 * Rebuilds an empty store from an export, in one transaction: every entry goes through the same
 * write path as when it was first made, so the board comes out the same, seq for seq. Endpoints
 * come last, so the history being rebuilt is not sent to them again. The email subscriptions,
 * which live apart from the log, go in a transaction of their own once that one has committed.
 */
export async function importLines(store: Store, lines: AsyncIterable<ExportLine>): Promise<ImportCounts> {
  if (!(await store.isEmpty())) throw new Error('import needs an empty store: this one already has a log');
  const mail: MailLine[] = [];
  const counts = await store.transaction(async (tx) => {
    const counts: ImportCounts = {
      entry: 0,
      token: 0,
      audit: 0,
      scheduled: 0,
      webhook: 0,
      subscription: 0,
      'subscription-token': 0,
      mail: 0,
      'mail-cursor': 0,
    };
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
        case 'subscription':
        case 'subscription-token':
        case 'mail':
        case 'mail-cursor':
          mail.push(line);
          break;
        default:
          throw new Error(`an export line of unknown type ${JSON.stringify((line as { type?: unknown }).type)}`);
      }
    }
    return counts;
  });
  try {
    await store.subscriptions.transaction(async (tx) => {
      for (const line of mail) {
        if (line.type === 'subscription') {
          const { type: _type, ...subscription } = line;
          await tx.save(subscription);
        } else if (line.type === 'subscription-token') await tx.addToken(line.hash, line.subscriptionId, line.purpose, line.createdAt);
        else if (line.type === 'mail') await tx.queueMail(line.mail, line.key);
        else await tx.setCursor(line.seq);
      }
    });
  } catch (error) {
    throw new SubscriptionsNotImported(error);
  }
  return counts;
}
