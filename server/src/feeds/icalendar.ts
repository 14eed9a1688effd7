import { createHash } from 'node:crypto';
import { shownUrl, type KeyDate, type Treaty } from '@treaty-watch/shared';
import { printable } from './printable';

/**
 * RFC 5545 text: backslash, semicolon, comma escaped, and every kind of line break written as
 * `\n`, so that no parser, however it splits lines, sees one inside a value.
 */
const text = (value: string) =>
  printable(value)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n');

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + (start === 0 ? 75 : 74));
    while (end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1; // never split a character
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}

/** Any precision the API accepts, as iCalendar's UTC form: 20310427T153000Z. */
const stamp = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

const day = (iso: string) => iso.slice(0, 10).replace(/-/g, '');
const LIVE = ['in_force', 'suspended', 'withdrawal_pending'];
const pageOf = (t: Treaty, origin: string) => `${origin}/treaties/${t.id}`;

interface CalendarEvent {
  uid: string;
  /** DTSTART with its parameters: a whole day, or a moment in UTC. */
  start: string;
  sortKey: string;
  summary: string;
  description: string;
  url: string;
}

function expiryOf(t: Treaty, origin: string): CalendarEvent {
  const expiresAt = t.expiresAt ?? '';
  return {
    uid: `expiry-${t.id}-${day(expiresAt)}`,
    start: `DTSTART;VALUE=DATE:${day(expiresAt)}`,
    sortKey: expiresAt,
    summary: `${t.shortName} expires`,
    description: `${t.name} runs to the end of this day (UTC) unless extended. ${pageOf(t, origin)}`,
    url: pageOf(t, origin),
  };
}

function keyDateOf(t: Treaty, date: KeyDate, origin: string): CalendarEvent {
  // A date given without a time of day is a whole day, as a conference's opening usually is.
  const wholeDay = new Date(date.on).toISOString().endsWith('T00:00:00.000Z');
  const titleHash = createHash('sha256').update(date.title).digest('hex').slice(0, 12);
  // Stored before URLs were normalised, one may hold what a calendar's URL value may not.
  const source = shownUrl(date.sourceUrl);
  return {
    uid: `date-${t.id}-${stamp(date.on)}-${titleHash}`,
    start: wholeDay ? `DTSTART;VALUE=DATE:${day(date.on)}` : `DTSTART:${stamp(date.on)}`,
    sortKey: date.on,
    summary: `${t.shortName}: ${date.title}`,
    description: [`${t.name}: ${date.title}.`, source && `Source: ${source}`, pageOf(t, origin)].filter(Boolean).join(' '),
    url: source ?? pageOf(t, origin),
  };
}

/**
 * What is still to come: every live treaty's end of term and every key date from today on
 * (a key date stays on the calendar through its day).
 */
export function deadlinesCalendar(treaties: Treaty[], now: string, origin: string): string {
  const today = now.slice(0, 10);
  const events = treaties
    .flatMap((t) => [
      ...(t.expiresAt && t.expiresAt > now && LIVE.includes(t.status) ? [expiryOf(t, origin)] : []),
      ...(t.keyDates ?? []).filter((date) => date.on.slice(0, 10) >= today).map((date) => keyDateOf(t, date, origin)),
    ])
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey))
    .flatMap((event) => [
      'BEGIN:VEVENT',
      `UID:${event.uid}@treaty-watch`,
      `DTSTAMP:${stamp(now)}`,
      event.start,
      `SUMMARY:${text(event.summary)}`,
      `DESCRIPTION:${text(event.description)}`,
      `URL:${event.url}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ]);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Treaty Watch//Deadlines//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${text('Treaty Watch deadlines')}`,
    ...events,
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
