import { describe, expect, it } from 'vitest';
import type { Problem } from '@treaty-watch/shared';
import { useMailServer } from '../support/use-mail-server';

const board = useMailServer({ rateLimits: { writes: 0, reads: 0, subscribe: 1 } });

describe('subscribing', () => {
  it('is limited per address: a burst of 5, then a 429 that says when to come back, mailing nothing for it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await board.api.post('/api/subscriptions', { email: `flood-${i}@example.org` }, { token: null })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const refused = await board.api.post<Problem>('/api/subscriptions', { email: 'flood-6@example.org' }, { token: null });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await board.delivered('flood-4@example.org', 1);
    expect(board.inbox.to('flood-5@example.org')).toHaveLength(0);
  });
});
