import nodemailer from 'nodemailer';
import type { OutgoingMail } from './mail-message';

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** How long a mail server has to answer each step before the attempt counts as failed. */
const SMTP_TIMEOUT_MS = 15_000;

/**
 * nodemailer over SMTP_URL. Addresses go in as objects, never as strings it would parse, so
 * an address can only ever be the one recipient it was validated as; nodemailer encodes every
 * header (non-ASCII subjects included) and folds long lines. It may read no file or URL.
 */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    disableFileAccess: true,
    disableUrlAccess: true,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: { name: 'Treaty Watch', address: from },
        to: { name: '', address: mail.to },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: {
          'List-Unsubscribe': `<${mail.links.oneClick}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        },
      });
    },
    close() {
      transport.close();
    },
  };
}
