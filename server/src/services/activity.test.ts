import { describe, expect, it } from 'vitest';
import { activityOf } from './activity';

describe('activity', () => {
  it('counts each day in all and per treaty, leaving out retracted updates and later ones, whatever the treaty is called', () => {
    const at = '2026-12-01T12:00:00.000Z';
    const days = activityOf(
      [
        { treatyId: 'inf', occurredAt: '2026-12-01T09:00:00.000Z' },
        { treatyId: 'constructor', occurredAt: '2026-12-01T10:00:00.000Z' },
        { treatyId: 'constructor', occurredAt: '2026-12-01T11:00:00.000Z' },
        { treatyId: 'npt', occurredAt: '2026-12-01T11:30:00.000Z', retractedAt: '2026-12-01T11:40:00.000Z' },
        { treatyId: 'npt', occurredAt: '2026-12-01T13:00:00.000Z' },
        { treatyId: 'inf', occurredAt: '2026-11-30T23:59:59.999Z' },
      ],
      at,
    );
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ date: '2026-12-01', count: 3, byTreaty: { inf: 1, constructor: 2 } });
    expect(days.at(-2)).toEqual({ date: '2026-11-30', count: 1, byTreaty: { inf: 1 } });
    expect(days[0]).toEqual({ date: '2026-11-02', count: 0, byTreaty: {} });
  });
});
