import { describe, expect, it } from 'vitest';
import { nextDigestAt } from './digest-time';

describe('nextDigestAt', () => {
  it('is later the same day when the hour is still to come, else the next day', () => {
    expect(nextDigestAt(new Date('2026-12-02T05:30:00Z'), 7)).toBe('2026-12-02T07:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-02T07:00:00Z'), 7)).toBe('2026-12-03T07:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-31T23:10:00Z'), 0)).toBe('2027-01-01T00:00:00.000Z');
  });
});
