/** Dates in the reader's locale; the ISO date goes in a title so the exact day is one hover away. */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const longDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
/** The month in words: "26 October 2020" (or "October 26, 2020", as the reader's locale has it). */
export const formatLongDate = (iso: string) => longDateFormat.format(new Date(iso));
export const formatDateTime = (iso: string) => `${dateTimeFormat.format(new Date(iso))} UTC`;
export const isoDate = (iso: string) => iso.slice(0, 10);
/** hh:mm in the reader's own time zone, for "offline since". */
export const formatLocalTime = (ms: number) => timeFormat.format(new Date(ms));
/** hh:mm:ss UTC, labelled: screens give times in UTC, like their clock, since a newsroom spans time zones. */
export const formatUtcTime = (ms: number) => {
  const d = new Date(ms);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC`;
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365.25 * 24 * 3600_000],
  ['month', 30.44 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "7 years ago", "in 3 months", "just now". */
export function relativeAge(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  }
  return 'just now';
}

/** Days, hours, minutes and seconds until `iso`, never below zero. */
export function countdown(iso: string, now: number): { days: number; hours: number; minutes: number; seconds: number; over: boolean } {
  const left = Math.max(0, Date.parse(iso) - now);
  const s = Math.floor(left / 1000);
  return {
    days: Math.floor(s / 86400),
    hours: Math.floor(s / 3600) % 24,
    minutes: Math.floor(s / 60) % 60,
    seconds: s % 60,
    over: left === 0,
  };
}

export const pad2 = (n: number) => String(n).padStart(2, '0');
