import { describe, expect, it } from 'vitest';
import { ResyncLimit } from './resync-limit';

const limits = { burst: 3, perSecond: 1, dropAfterRefused: 4 };

describe('a socket’s resync budget', () => {
  it('allows a burst, then one a second, and drops a socket that keeps asking while refused', () => {
    let now = 0;
    const limit = new ResyncLimit(limits, () => now);
    expect([limit.check(), limit.check(), limit.check()]).toEqual(['allow', 'allow', 'allow']);
    expect(limit.check()).toBe('refuse');
    now += 1000;
    expect(limit.check()).toBe('allow');
    expect([limit.check(), limit.check(), limit.check(), limit.check()]).toEqual(['refuse', 'refuse', 'refuse', 'drop']);
  });

  it('forgives refusals once a request is allowed again, and never saves up more than a burst', () => {
    let now = 0;
    const limit = new ResyncLimit(limits, () => now);
    for (let i = 0; i < 3; i++) limit.check();
    expect([limit.check(), limit.check(), limit.check()]).toEqual(['refuse', 'refuse', 'refuse']);
    now += 1000;
    expect(limit.check()).toBe('allow');
    expect([limit.check(), limit.check(), limit.check()]).toEqual(['refuse', 'refuse', 'refuse']);
    now += 3_600_000;
    expect([limit.check(), limit.check(), limit.check(), limit.check()]).toEqual(['allow', 'allow', 'allow', 'refuse']);
  });
});
