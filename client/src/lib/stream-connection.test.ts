import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './stream-connection';

describe('reconnectDelay', () => {
  it('doubles from about a second to at most five, each spread half either way, as Socket.IO spreads its reconnects', () => {
    expect([0, 1, 2, 3, 4, 9].map((attempt) => reconnectDelay(attempt, 0.5))).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
    expect(reconnectDelay(0, 0)).toBe(500);
    expect(reconnectDelay(0, 1)).toBe(1500);
    expect(reconnectDelay(9, 0)).toBe(2500);
    expect(reconnectDelay(9, 1)).toBe(7500);
  });
});
