import { ACTIVITY_DAYS, DAY_MS, type ActivityDay, type Update } from '@treaty-watch/shared';

/** Updates per UTC day over the ACTIVITY_DAYS days ending on `at`'s day, every day present. */
export function activityOf(updates: readonly Pick<Update, 'occurredAt' | 'retractedAt'>[], at: string): ActivityDay[] {
  const last = Date.parse(`${at.slice(0, 10)}T00:00:00.000Z`);
  const days = Array.from({ length: ACTIVITY_DAYS }, (_, i) => new Date(last - (ACTIVITY_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10));
  const counts = new Map(days.map((d) => [d, 0]));
  for (const update of updates) {
    if (update.retractedAt || update.occurredAt > at) continue;
    const day = update.occurredAt.slice(0, 10);
    const count = counts.get(day);
    if (count !== undefined) counts.set(day, count + 1);
  }
  return days.map((date) => ({ date, count: counts.get(date) ?? 0 }));
}
