import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store';
import type { MailRecord, SubscriptionRecord } from '../store/subscription-store';
import { retryDelay, type RetryPolicy } from '../webhooks/retry';
import { mintConfirmUrl, mintLinks } from './mail-links';
import { composeMail, type OutgoingMail } from './mail-message';
import { renderMail } from './render-mail';
import type { MailTransport } from './smtp-transport';

const HOUR_MS = 60 * 60 * 1000;
/** A message no mail server has taken after this many attempts (days, with the backoff) is dropped. */
const MAX_ATTEMPTS = 12;
/** How long a sender holds a message before another may take it over. */
const LEASE_MS = 60_000;

export interface SendOptions {
  publicUrl: () => string;
  transport: MailTransport;
  retry: RetryPolicy;
  /** Messages one address gets in an hour at most; the rest wait their turn. */
  perAddressPerHour: number;
  /** The host part of Message-ID. */
  messageHost: string;
  /** Each message handed to the mail server, and whether it took it (metrics). */
  onAttempt?: (sent: boolean) => void;
}

interface Claimed {
  mail: MailRecord;
  outgoing?: OutgoingMail;
}

const unleased = ({ leaseId: _id, leaseUntil: _until, ...rest }: MailRecord): MailRecord => rest;

/**
 * Leases one message for this sender and makes it, its links' tokens stored (hashed) in the same
 * transaction. An address over its hourly allowance gets the message later instead; a message
 * with nothing left to say (its subscription gone, an empty digest) is marked done unsent.
 */
async function claim(store: Store, id: string, now: Date, options: SendOptions): Promise<Claimed | undefined> {
  const at = now.toISOString();
  const publicUrl = options.publicUrl();
  return store.subscriptions.transaction(async (tx) => {
    const mail = await tx.mail(id);
    if (!mail || mail.state !== 'pending' || mail.nextAttemptAt > at || (mail.leaseUntil && mail.leaseUntil > at)) return undefined;
    const subscription: SubscriptionRecord | undefined = await tx.byId(mail.subscriptionId);
    if (!subscription) return undefined;
    const sent = await tx.sentSince(subscription.id, new Date(now.getTime() - HOUR_MS).toISOString());
    if (sent.length >= options.perAddressPerHour) {
      const freed = sent[sent.length - options.perAddressPerHour] ?? at;
      await tx.saveMail({ ...mail, nextAttemptAt: new Date(Date.parse(freed) + HOUR_MS).toISOString() });
      return undefined;
    }
    const links = await mintLinks(tx, subscription.id, publicUrl, at);
    const confirm = mail.kind === 'confirm' ? await mintConfirmUrl(tx, subscription.id, publicUrl, at) : undefined;
    const content = await renderMail(store, mail, subscription, publicUrl, { manage: links.manage, ...(confirm ? { confirm } : {}) });
    if (!content) {
      await tx.saveMail({ ...unleased(mail), state: 'failed', lastError: 'nothing to send' });
      return undefined;
    }
    const leased: MailRecord = { ...mail, leaseId: randomUUID(), leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString() };
    await tx.saveMail(leased);
    return { mail: leased, outgoing: composeMail(subscription.email, `<${mail.id}@${options.messageHost}>`, content, links) };
  });
}

/** An SMTP reply code and a few words, never the server's whole answer (it may echo the address). */
const reasonOf = (error: unknown): string => {
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  return responseCode ? `SMTP ${responseCode}` : (code ?? 'unreachable');
};

/** Writes down how the attempt went, if this sender still holds the lease. */
async function record(store: Store, mail: MailRecord, now: Date, options: SendOptions, error?: unknown): Promise<void> {
  await store.subscriptions.transaction(async (tx) => {
    const current = await tx.mail(mail.id);
    if (!current || current.leaseId !== mail.leaseId || current.state !== 'pending') return;
    const attempts = current.attempts + 1;
    if (error === undefined) {
      await tx.saveMail({ ...unleased(current), state: 'sent', attempts, sentAt: now.toISOString() });
      return;
    }
    const lastError = reasonOf(error);
    if (attempts >= MAX_ATTEMPTS) {
      await tx.saveMail({ ...unleased(current), state: 'failed', attempts, lastError, sentAt: now.toISOString() });
      return;
    }
    await tx.saveMail({
      ...unleased(current),
      attempts,
      lastError,
      nextAttemptAt: new Date(now.getTime() + retryDelay(attempts, options.retry)).toISOString(),
    });
  });
}

/** Sends one due message, if it is still due and nobody else holds it; says whether it went out. */
export async function sendMail(store: Store, id: string, now: () => Date, options: SendOptions): Promise<boolean> {
  const claimed = await claim(store, id, now(), options);
  if (!claimed?.outgoing) return false;
  try {
    await options.transport.send(claimed.outgoing);
  } catch (error) {
    options.onAttempt?.(false);
    await record(store, claimed.mail, now(), options, error);
    return false;
  }
  options.onAttempt?.(true);
  await record(store, claimed.mail, now(), options);
  return true;
}
