import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Arrived {
  to: string[];
  /** The raw message as the server received it, headers and all. */
  raw: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP server on loopback that keeps whatever it is sent, parsed with mailparser, and
 * can turn mail away for a while (as a greylisting server does) to exercise retries.
 */
export class SmtpInbox {
  readonly arrived: Arrived[] = [];
  /** Attempts turned away since it started refusing. */
  refused = 0;
  private refusing = false;
  private server: SMTPServer | undefined;
  private port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Answers every message with 451 (try again later) until accept(). */
  refuse(): void {
    this.refusing = true;
  }

  accept(): void {
    this.refusing = false;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback: no certificate for the client to distrust.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.refusing) {
            this.refused += 1;
            callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          void simpleParser(raw).then((parsed) => {
            this.arrived.push({ to, raw, parsed });
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** Messages sent to `address`, in arrival order. */
  to(address: string): Arrived[] {
    return this.arrived.filter((mail) => mail.to.includes(address));
  }

  /** Resolves once `predicate` holds; rejects after `timeoutMs`. */
  async until(predicate: () => boolean, timeoutMs = 10_000, what = 'mail'): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; !predicate();) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** The token a link in a message carries (in its fragment or its query). */
export function tokenIn(url: string): string {
  const token = /[#?&]token=([A-Za-z0-9_-]+)/.exec(url)?.[1];
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

/** The first link in the plain-text part that leads to `path`. */
export function linkTo(mail: Arrived, path: string): string {
  const found = (mail.parsed.text ?? '').match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname === path);
  if (!found) throw new Error(`no link to ${path} in: ${mail.parsed.text ?? ''}`);
  return found;
}

/** A header of the message as sent, unfolded. */
export function headerOf(mail: Arrived, name: string): string | undefined {
  const headers = mail.raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
  return new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(headers)?.[1]?.trim();
}

/** The one-click address of List-Unsubscribe. */
export function oneClickOf(mail: Arrived): string {
  const headers = mail.raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, '') ?? '';
  const header = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(headers)?.[1];
  if (!header) throw new Error('no List-Unsubscribe header');
  return header;
}
