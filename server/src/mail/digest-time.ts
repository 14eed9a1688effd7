const HOUR_MS = 60 * 60 * 1000;

/** The first moment after `now` that is `hour`:00 UTC: when a daily digest next goes out. */
export function nextDigestAt(now: Date, hour: number): string {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (at.getTime() <= now.getTime()) at.setTime(at.getTime() + 24 * HOUR_MS);
  return at.toISOString();
}
