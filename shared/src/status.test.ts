import { describe, expect, it } from 'vitest';
import { displayStatus } from './board';
import { canTransition, STATUSES, STATUS_TRANSITIONS } from './status';
import type { Treaty } from './treaty';

const newStart: Treaty = {
  id: 'new-start',
  name: 'New START',
  shortName: 'New START',
  parties: 'United States and Russian Federation',
  category: 'strategic_arms',
  status: 'in_force',
  statusSince: '2011-02-05T00:00:00.000Z',
  expiresAt: '2021-02-05T23:59:59.999Z',
  summary: '',
  sources: [],
  version: 1,
  updatedAt: '2020-10-26T00:00:00.000Z',
};

describe('the status vocabulary', () => {
  it('makes abandoned and expired final', () => {
    expect(STATUS_TRANSITIONS.abandoned).toEqual([]);
    expect(STATUS_TRANSITIONS.expired).toEqual([]);
    expect(canTransition('expired', 'in_force')).toBe(false);
  });

  it('allows the next steps of a treaty’s life and no self-transition', () => {
    expect(canTransition('in_force', 'withdrawal_pending')).toBe(true);
    expect(canTransition('withdrawal_pending', 'abandoned')).toBe(true);
    expect(canTransition('negotiating', 'in_force')).toBe(false);
    for (const status of STATUSES) expect(canTransition(status, status)).toBe(false);
  });
});

describe('displayStatus', () => {
  it('shows New START as expiring in October 2020, with its end 102 days away', () => {
    expect(displayStatus(newStart, Date.parse('2020-10-26T00:00:00Z'))).toBe('expiring');
  });

  it('shows it as in force when the end is more than a year away', () => {
    expect(displayStatus(newStart, Date.parse('2019-09-25T00:00:00Z'))).toBe('in_force');
  });

  it('never shows a suspended or expired treaty as expiring', () => {
    const now = Date.parse('2020-10-26T00:00:00Z');
    expect(displayStatus({ ...newStart, status: 'suspended' }, now)).toBe('suspended');
    expect(displayStatus({ ...newStart, status: 'expired' }, now)).toBe('expired');
  });
});
