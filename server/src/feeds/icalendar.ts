import type { Treaty } from '@treaty-watch/shared';

/** RFC 5545 text: backslash, semicolon, comma and newlines escaped. */
const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

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

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Upcoming deadlines: every live treaty's end of term still to come. */
export function deadlinesCalendar(treaties: Treaty[], now: string, origin: string): string {
  const events = treaties
    .filter((t) => t.expiresAt && t.expiresAt > now && ['in_force', 'suspended', 'withdrawal_pending'].includes(t.status))
    .sort((a, b) => (a.expiresAt ?? '').localeCompare(b.expiresAt ?? ''))
    .flatMap((t) => {
      const day = (t.expiresAt ?? '').slice(0, 10).replace(/-/g, '');
      return [
        'BEGIN:VEVENT',
        `UID:expiry-${t.id}-${day}@treaty-watch`,
        `DTSTAMP:${stamp(now)}`,
        `DTSTART;VALUE=DATE:${day}`,
        `SUMMARY:${text(`${t.shortName} expires`)}`,
        `DESCRIPTION:${text(`${t.name} runs to the end of this day (UTC) unless extended. ${origin}/treaties/${t.id}`)}`,
        `URL:${origin}/treaties/${t.id}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      ];
    });
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Treaty Watch//Deadlines//EN', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${text('Treaty Watch deadlines')}`, ...events, 'END:VCALENDAR'];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
