import { describe, expect, it } from 'vitest';
import { foldTreaty } from '../services/projection';
import type { LogEntry } from '../store/log-entry';
import { buildSeedEntries } from './build-seed';
import facts from './facts.json' with { type: 'json' };
import { boardStatusOf } from './status-map';

const entries: LogEntry[] = buildSeedEntries('2026-11-24T00:00:00.000Z').map((entry, i) => ({ ...entry, seq: i + 1 }));
const boardAsOf = (id: string, asOf: string) => foldTreaty(entries.filter((e) => e.treatyId === id && e.effectiveAt <= asOf)).treaty;

describe('the seed built from the fact sheet', () => {
  it('reads every status_after in facts.json', () => {
    for (const event of facts.events) expect(() => boardStatusOf(event.status_after)).not.toThrow();
  });

  it('turns every fact-sheet event into one update with its source', () => {
    const updates = entries.filter((e) => e.payload.kind === 'update.posted' && !e.payload.update.party);
    expect(updates).toHaveLength(facts.events.length);
  });

  it('ends on the newest event, so the live feed opens on it', () => {
    const last = entries.at(-1);
    expect(last?.treatyId).toBe('npt');
    expect(last?.effectiveAt).toBe('2026-05-22T00:00:00.000Z');
  });

  it('is in effective order within each treaty', () => {
    for (const id of new Set(entries.map((e) => e.treatyId))) {
      const dates = entries.filter((e) => e.treatyId === id).map((e) => e.effectiveAt);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('shows New START expiring on 2021-02-05 as of October 2020, and extended to 2026 after February 2021', () => {
    expect(boardAsOf('new-start', '2020-10-26T23:59:59.999Z')).toMatchObject({
      status: 'in_force',
      expiresAt: '2021-02-05T23:59:59.999Z',
    });
    expect(boardAsOf('new-start', '2021-02-04T00:00:00.000Z')?.expiresAt).toBe('2026-02-05T23:59:59.999Z');
    expect(boardAsOf('new-start', '2026-02-05T12:00:00.000Z')?.status).toBe('in_force');
    expect(boardAsOf('new-start', '2026-02-06T00:00:00.000Z')?.status).toBe('expired');
  });

  it('has the INF Treaty pending withdrawal in spring 2019 and abandoned from 2019-08-02', () => {
    expect(boardAsOf('inf', '2019-03-04T23:59:59.999Z')?.status).toBe('withdrawal_pending');
    expect(boardAsOf('inf', '2019-08-02T00:00:00.000Z')?.status).toBe('abandoned');
  });

  it('leaves a treaty off the board before its first dated entry', () => {
    expect(boardAsOf('tpnw', '2017-07-06T23:59:59.999Z')).toBeUndefined();
    expect(boardAsOf('tpnw', '2017-07-07T00:00:00.000Z')?.status).toBe('negotiating');
  });
});
