import { describe, expect, it } from 'vitest';
import type { ActivityDay } from '@treaty-watch/shared';
import { activityOfTreaties } from './activity-of-treaties';

describe('the activity of some treaties', () => {
  it("counts only those treaties' updates, day by day", () => {
    const activity: ActivityDay[] = [
      { date: '2026-11-30', count: 3, byTreaty: { inf: 1, npt: 2 } },
      { date: '2026-12-01', count: 2, byTreaty: { 'new-start': 2 } },
    ];
    expect(activityOfTreaties(activity, ['inf', 'new-start'])).toEqual([
      { date: '2026-11-30', count: 1, byTreaty: { inf: 1 } },
      { date: '2026-12-01', count: 2, byTreaty: { 'new-start': 2 } },
    ]);
    expect(activityOfTreaties(activity, ['ctbt']).map((d) => d.count)).toEqual([0, 0]);
  });
});
