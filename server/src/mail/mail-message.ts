import { html, link } from './mail-text';

/**
 * The links every message carries: the one-click unsubscribe address a mail client POSTs to
 * (RFC 8058, in the List-Unsubscribe header), and the page where the reader changes or ends
 * the subscription.
 */
export interface MailLinks {
  oneClick: string;
  manage: string;
}

/** A message ready for the transport: plain text and HTML of the same words. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The same on every attempt of one message, so a mail client can drop a repeat. */
  messageId: string;
  links: MailLinks;
}

export interface MailContent {
  subject: string;
  /** Paragraphs of the plain-text part. */
  text: string[];
  /** The same paragraphs as HTML, already escaped. */
  html: string[];
}

/** Every message ends the same way: why it came, how to change it, how to leave. */
export function composeMail(to: string, messageId: string, content: MailContent, links: MailLinks): OutgoingMail {
  const text = [
    ...content.text,
    '--',
    'You get this because this address subscribed to Treaty Watch alerts.',
    `Change what you get, or unsubscribe (your address is then deleted): ${links.manage}`,
  ].join('\n\n');
  const body = [
    ...content.html,
    '<hr>',
    `<p style="color:#555;font-size:13px">You get this because this address subscribed to Treaty Watch alerts.<br>${link(links.manage, 'Change what you get, or unsubscribe')} (your address is then deleted).</p>`,
  ].join('\n');
  const page = `<!doctype html>\n<html><head><meta charset="utf-8"><title>${html(content.subject)}</title></head>\n<body style="font-family:sans-serif;max-width:40em">\n${body}\n</body></html>\n`;
  return { to, subject: content.subject, text: `${text}\n`, html: page, messageId, links };
}
