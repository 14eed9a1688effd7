import type { ActivityDay } from '@treaty-watch/shared';

/** The activity of some treaties only: each day's count is the sum of theirs. */
export function activityOfTreaties(activity: ActivityDay[], ids: readonly string[]): ActivityDay[] {
  return activity.map((day) => {
    const byTreaty = Object.fromEntries(Object.entries(day.byTreaty).filter(([id]) => ids.includes(id)));
    return { date: day.date, count: Object.values(byTreaty).reduce((sum, n) => sum + n, 0), byTreaty };
  });
}
