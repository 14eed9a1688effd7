import { describe, expect, it } from 'vitest';
import { retryDelay } from './retry';

const policy = { baseMs: 5000, maxMs: 1_800_000 };

describe('retryDelay', () => {
  it('doubles with each failure, between half and all of the nominal delay', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, policy, () => 0))).toEqual([2500, 5000, 10_000, 20_000]);
    expect([1, 2, 3, 4].map((n) => retryDelay(n, policy, () => 1))).toEqual([5000, 10_000, 20_000, 40_000]);
  });

  it('stops growing at the maximum', () => {
    expect(retryDelay(40, policy, () => 1)).toBe(1_800_000);
    expect(retryDelay(40, policy, () => 0)).toBe(900_000);
  });

  it('spreads endpoints that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelay(3, policy)));
    expect(delays.size).toBeGreaterThan(40);
  });
});
