import { describe, expect, it } from 'vitest';
import type { Update } from '@treaty-watch/shared';
import { allowedStatuses, DUPLICATE_WINDOW_MS, recentDuplicate } from './post-rules';

const now = Date.parse('2026-12-01T12:00:00Z');
const update = (part: Partial<Update>): Update => ({
  id: 'u1',
  seq: 1,
  treatyId: 'new-start',
  headline: 'Russia suspends inspections',
  occurredAt: '2026-12-01T11:55:00Z',
  publishedAt: '2026-12-01T11:55:00Z',
  author: 'desk',
  ...part,
});

describe('allowedStatuses', () => {
  it("offers the statuses shared's transitions allow from the treaty's status", () => {
    expect(allowedStatuses({ status: 'in_force' })).toEqual(['suspended', 'withdrawal_pending', 'abandoned', 'expired']);
    expect(allowedStatuses({ status: 'negotiating' })).toEqual(['signed']);
  });
  it('offers none for a final status or no treaty', () => {
    expect(allowedStatuses({ status: 'abandoned' })).toEqual([]);
    expect(allowedStatuses({ status: 'expired' })).toEqual([]);
    expect(allowedStatuses(undefined)).toEqual([]);
  });
});

describe('recentDuplicate', () => {
  it('finds the same headline on the same treaty within ten minutes, ignoring case and spacing', () => {
    expect(recentDuplicate([update({})], 'new-start', '  russia   SUSPENDS inspections ', now)?.id).toBe('u1');
  });
  it('ignores other treaties, other headlines, and posts older than the window', () => {
    const old = new Date(now - DUPLICATE_WINDOW_MS - 1000).toISOString();
    expect(recentDuplicate([update({ treatyId: 'ctbt' })], 'new-start', 'Russia suspends inspections', now)).toBeUndefined();
    expect(
      recentDuplicate([update({ headline: 'Russia resumes inspections' })], 'new-start', 'Russia suspends inspections', now),
    ).toBeUndefined();
    expect(recentDuplicate([update({ publishedAt: old })], 'new-start', 'Russia suspends inspections', now)).toBeUndefined();
  });
  it('says nothing for an empty headline or no treaty, and picks the newest of several', () => {
    expect(recentDuplicate([update({ headline: '' })], 'new-start', '   ', now)).toBeUndefined();
    expect(recentDuplicate([update({})], '', 'Russia suspends inspections', now)).toBeUndefined();
    const newer = update({ id: 'u2', publishedAt: '2026-12-01T11:59:00Z' });
    expect(recentDuplicate([update({}), newer], 'new-start', 'Russia suspends inspections', now)?.id).toBe('u2');
  });
});
