import { activityDayOf, type ActivityDay } from '@treaty-watch/shared';

/** The activity of some treaties only: each day's count is the sum of theirs. */
export function activityOfTreaties(activity: ActivityDay[], ids: readonly string[]): ActivityDay[] {
  return activity.map((day) =>
    activityDayOf(
      day.date,
      Object.entries(day.byTreaty).filter(([id]) => ids.includes(id)),
    ),
  );
}
