import { ACTIVITY_DAYS, activityDayOf, DAY_MS, type ActivityDay, type Update } from '@treaty-watch/shared';

/** Updates per UTC day over the ACTIVITY_DAYS days ending on `at`'s day, every day present. */
export function activityOf(updates: readonly Pick<Update, 'treatyId' | 'occurredAt' | 'retractedAt'>[], at: string): ActivityDay[] {
  const last = Date.parse(`${at.slice(0, 10)}T00:00:00.000Z`);
  const days = Array.from({ length: ACTIVITY_DAYS }, (_, i) =>
    new Date(last - (ACTIVITY_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
  // Maps, not objects: a treaty id is any slug, "constructor" too.
  const counts = new Map(days.map((date) => [date, new Map<string, number>()]));
  for (const update of updates) {
    if (update.retractedAt || update.occurredAt > at) continue;
    const day = counts.get(update.occurredAt.slice(0, 10));
    day?.set(update.treatyId, (day.get(update.treatyId) ?? 0) + 1);
  }
  return [...counts].map(([date, byTreaty]) => activityDayOf(date, byTreaty));
}
