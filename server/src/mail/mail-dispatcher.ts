import type { MailConfig } from '../config';
import type { Logger } from '../log';
import { serialRounds } from '../serial-rounds';
import type { Store } from '../store/store';
import { queueChanges, queueDigests } from './queue-mail';
import { sendMail, type SendOptions } from './send-mail';
import { smtpTransport } from './smtp-transport';

/** Due work without a change to wake it (a retry, a digest hour) is this late at most. */
const POLL_MS = 1000;
const ROUND_SIZE = 100;
/** Sent messages are kept this long: the per-address rate counts the last hour of them. */
const KEEP_SENT_MS = 2 * 24 * 60 * 60 * 1000;
/** An address never confirmed is deleted after this long. */
const UNCONFIRMED_MS = 7 * 24 * 60 * 60 * 1000;
const WARN_EVERY_MS = 60_000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface MailDispatcher {
  /** A change was committed: queue and send now rather than at the next poll. */
  wake(): void;
  /** A round now: what is due by the clock has been queued and tried when it resolves. */
  check(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The mail outbox's sender: each round turns new changes and due digests into messages, then
 * sends what is due, one at a time. Messages are leased while they are sent, so of several
 * processes only one sends each; a message is marked sent only once the mail server took it,
 * and is never sent again after that.
 */
export function startMailDispatcher(
  store: Store,
  config: MailConfig,
  { log, clock, ...hooks }: Pick<SendOptions, 'publicUrl' | 'onAttempt'> & { log: Logger; clock: () => Date },
): MailDispatcher {
  const options: SendOptions = {
    ...hooks,
    transport: smtpTransport(config.smtpUrl, config.from),
    retry: config.retry,
    perAddressPerHour: config.perAddressPerHour,
    messageHost: config.from.split('@')[1] ?? 'localhost',
  };
  let stopped = false;
  let lastWarning = 0;
  let lastPrune = 0;

  async function round(): Promise<void> {
    try {
      const now = clock();
      if (now.getTime() - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = now.getTime();
        await store.subscriptions.transaction((tx) =>
          tx.prune(new Date(now.getTime() - KEEP_SENT_MS).toISOString(), new Date(now.getTime() - UNCONFIRMED_MS).toISOString()),
        );
      }
      await queueChanges(store, now);
      await queueDigests(store, now);
      for (const mail of await store.subscriptions.dueMail(clock().toISOString(), ROUND_SIZE)) {
        if (stopped) return;
        await sendMail(store, mail.id, clock, options);
      }
    } catch (error) {
      if (Date.now() - lastWarning < WARN_EVERY_MS) return;
      lastWarning = Date.now();
      log.warn({ err: error }, 'mail: could not work through the outbox; will try again');
    }
  }

  const rounds = serialRounds(round, () => stopped);
  const kick = rounds.request;

  const timer = setInterval(kick, POLL_MS);
  timer.unref();
  kick();

  return {
    wake: kick,
    async check() {
      await rounds.current();
      kick();
      await rounds.current();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await rounds.current();
      options.transport.close();
    },
  };
}
