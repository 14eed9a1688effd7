import { fit } from '@treaty-watch/shared';
import { xml } from '../feeds/atom';
import { printable } from '../feeds/printable';

/** Bidi overrides and isolates: a headline must not be able to reverse what follows it in a subject or a line. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** One line of mail (a subject, a headline): no control character or line break, at most `max` characters. */
export const mailLine = (text: string, max = 200): string => fit(text.replace(BIDI, ''), (char) => char, max);

/** A body from the desk as plain text: line breaks and tabs kept, nothing else unprintable. */
export const mailBody = (text: string): string => printable(text).replace(BIDI, '').replace(/\r\n?/g, '\n');

/** Text in HTML: escaped, never interpreted; line breaks kept as breaks. */
export const html = (text: string): string => xml(text.replace(BIDI, '')).replace(/&#13;/g, '').replace(/\n/g, '<br>\n');

/** A link in HTML mail; only http(s) addresses are ever given here (validated where they were stored). */
export const link = (url: string, label: string): string => `<a href="${xml(url)}">${html(label)}</a>`;
