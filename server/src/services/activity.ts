import { ACTIVITY_DAYS, DAY_MS, type ActivityDay, type Update } from '@treaty-watch/shared';

/** Updates per UTC day over the ACTIVITY_DAYS days ending on `at`'s day, every day present. */
export function activityOf(updates: readonly Pick<Update, 'treatyId' | 'occurredAt' | 'retractedAt'>[], at: string): ActivityDay[] {
  const last = Date.parse(`${at.slice(0, 10)}T00:00:00.000Z`);
  const days = Array.from({ length: ACTIVITY_DAYS }, (_, i) => new Date(last - (ACTIVITY_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10));
  const counts = new Map<string, ActivityDay>(days.map((date) => [date, { date, count: 0, byTreaty: {} }]));
  for (const update of updates) {
    if (update.retractedAt || update.occurredAt > at) continue;
    const day = counts.get(update.occurredAt.slice(0, 10));
    if (!day) continue;
    day.count += 1;
    day.byTreaty[update.treatyId] = (day.byTreaty[update.treatyId] ?? 0) + 1;
  }
  return [...counts.values()];
}
