import { z } from 'zod';

/** Every date on the wire is an ISO 8601 UTC timestamp. */
export const instantSchema = z.iso.datetime({ offset: false });
export type Instant = z.infer<typeof instantSchema>;

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A treaty in force is shown as expiring when its end is this close. */
export const EXPIRING_WINDOW_MS = 365 * DAY_MS;

/** A date-only fact means midnight UTC of that day. */
export function startOfDay(date: string): Instant {
  return `${date}T00:00:00.000Z`;
}

/** An expiry takes effect at the end of its day: a treaty that expires on 5 February is in force that day. */
export function endOfDay(date: string): Instant {
  return `${date}T23:59:59.999Z`;
}
