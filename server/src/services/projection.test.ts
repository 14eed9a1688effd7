import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogEntry, LoggedUpdate } from '../store/log-entry';
import { byEffectiveOrder, foldTreaty } from './projection';

let seq = 0;
const created = (effectiveAt: string): LogEntry => ({
  seq: ++seq,
  treatyId: 'inf',
  effectiveAt,
  recordedAt: '2026-11-24T00:00:00.000Z',
  actor: 'test',
  payload: {
    kind: 'treaty.created',
    status: 'negotiating',
    fields: { name: 'INF', shortName: 'INF', parties: 'US, USSR', category: 'intermediate_range', summary: '', sources: [] },
  },
});
const posted = (occurredAt: string, requestedStatus?: LoggedUpdate['requestedStatus']): LogEntry => ({
  seq: ++seq,
  treatyId: 'inf',
  effectiveAt: occurredAt,
  recordedAt: '2026-11-24T00:00:00.000Z',
  actor: 'test',
  payload: {
    kind: 'update.posted',
    update: {
      id: `u${seq}`,
      headline: `at ${occurredAt}`,
      ...(requestedStatus ? { requestedStatus } : {}),
      occurredAt,
      publishedAt: '2026-11-24T00:00:00.000Z',
      author: 'test',
    },
  },
});

describe('foldTreaty', () => {
  it('moves status and since on a change, and derives signature and entry-into-force dates', () => {
    const { treaty, updates } = foldTreaty([
      created('1987-12-08T00:00:00.000Z'),
      posted('1987-12-08T00:00:00.000Z', 'signed'),
      posted('1988-06-01T00:00:00.000Z', 'in_force'),
    ]);
    expect(treaty).toMatchObject({
      status: 'in_force',
      statusSince: '1988-06-01T00:00:00.000Z',
      signedAt: '1987-12-08T00:00:00.000Z',
      inForceAt: '1988-06-01T00:00:00.000Z',
      version: 3,
    });
    expect(updates[1]).toMatchObject({ status: 'in_force', previousStatus: 'signed' });
  });

  it('records no change when an update repeats the current status', () => {
    const { treaty, updates } = foldTreaty([
      created('1987-12-08T00:00:00.000Z'),
      posted('1987-12-08T00:00:00.000Z', 'signed'),
      posted('1990-01-01T00:00:00.000Z', 'signed'),
    ]);
    expect(treaty?.statusSince).toBe('1987-12-08T00:00:00.000Z');
    expect(updates[1]?.status).toBeUndefined();
  });

  it('gives the same board whatever order backdated entries were recorded in', () => {
    const backdated = [
      posted('1987-12-08T00:00:00.000Z', 'signed'),
      posted('1987-12-20T00:00:00.000Z', 'signed'),
      posted('1988-06-01T00:00:00.000Z', 'in_force'),
      posted('1995-03-01T00:00:00.000Z'),
      posted('2019-02-02T00:00:00.000Z', 'suspended'),
      posted('2019-08-02T00:00:00.000Z', 'abandoned'),
    ];
    /** The board after the treaty is created and then `order` is recorded: seq follows recording. */
    const boardAfter = (order: readonly LogEntry[]) => {
      const recorded = [created('1987-12-08T00:00:00.000Z'), ...order].map((entry, index) => ({ ...entry, seq: index + 1 }));
      const { treaty, updates } = foldTreaty(recorded.sort(byEffectiveOrder));
      // An update's seq says when it was recorded, which is what differs; the board must not.
      return { treaty, updates: updates.map(({ seq: _recorded, ...update }) => update) };
    };
    const inTimeOrder = boardAfter(backdated);
    expect(inTimeOrder.treaty).toMatchObject({
      status: 'abandoned',
      statusSince: '2019-08-02T00:00:00.000Z',
      signedAt: '1987-12-08T00:00:00.000Z',
      inForceAt: '1988-06-01T00:00:00.000Z',
    });
    fc.assert(
      fc.property(fc.shuffledSubarray(backdated, { minLength: backdated.length, maxLength: backdated.length }), (order) => {
        expect(boardAfter(order)).toEqual(inTimeOrder);
      }),
    );
  });

  it('refuses a log that refers to a treaty before it exists', () => {
    expect(() => foldTreaty([posted('1988-06-01T00:00:00.000Z', 'in_force')])).toThrow(/before it exists/);
  });
});
