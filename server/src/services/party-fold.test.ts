import { describe, expect, it } from 'vitest';
import type { Update } from '@treaty-watch/shared';
import { buildSeedEntries } from '../seed/build-seed';
import { PARTY_RECORDS } from '../seed/party-facts';
import type { LogEntry } from '../store/log-entry';
import { boardAsOf } from './board-as-of';
import { foldStates, movesOf, partySummaryOf, refusalOf } from './party-fold';

const log: LogEntry[] = buildSeedEntries('2026-12-01T00:00:00.000Z').map((entry, i) => ({ ...entry, seq: i + 1 }));
const updatesAsOf = (treatyId: string, at: string) => boardAsOf(log, at).updates.filter((u) => u.treatyId === treatyId);
const statesAsOf = (treatyId: string, at: string) => foldStates(PARTY_RECORDS.get(treatyId), movesOf(updatesAsOf(treatyId, at), at));
const standing = (treatyId: string, code: string, at: string) => statesAsOf(treatyId, at).find((s) => s.code === code);
const NOW = '2026-12-01T12:00:00.000Z';

describe('the per-state record seeded from the fact sheet', () => {
  it('has the 44 Annex 2 states of the CTBT, 35 ratified, six signed and three outside', () => {
    const states = statesAsOf('ctbt', NOW);
    expect(states).toHaveLength(44);
    const by = (s: string) =>
      states
        .filter((x) => x.standing === s)
        .map((x) => x.code)
        .sort();
    expect(by('ratified')).toHaveLength(35);
    expect(by('signed')).toEqual(['CN', 'EG', 'IL', 'IR', 'RU', 'US']);
    expect(by('not_signed')).toEqual(['IN', 'KP', 'PK']);
    expect(standing('ctbt', 'RU', NOW)?.history.map((h) => [h.action, h.on?.slice(0, 10)])).toEqual([
      ['signed', '1996-09-24'],
      ['ratified', '2000-05-27'],
      ['ratification_revoked', '2023-11-02'],
    ]);
  });

  it('never gives a date the sheet does not hold', () => {
    const argentina = standing('ctbt', 'AR', NOW);
    expect(argentina).toMatchObject({ standing: 'ratified', signedAt: '1996-09-24T00:00:00.000Z' });
    expect(argentina?.ratifiedAt).toBeUndefined();
    expect(argentina?.since).toBeUndefined();
    expect(argentina?.history.at(-1)).not.toHaveProperty('on');
  });

  it('has the US leaving Open Skies in 2020 and Russia in 2021', () => {
    expect(standing('open-skies', 'US', '2020-06-01T23:59:59.999Z')?.standing).toBe('withdrawal_pending');
    expect(standing('open-skies', 'US', '2021-01-01T23:59:59.999Z')?.standing).toBe('withdrawn');
    expect(standing('open-skies', 'RU', NOW)).toMatchObject({ standing: 'withdrawn', since: '2021-12-18T00:00:00.000Z' });
  });

  it('has Russia out of CFE and the US and Canada suspended on their dates', () => {
    expect(standing('cfe', 'RU', NOW)).toMatchObject({ standing: 'withdrawn', since: '2023-11-07T00:00:00.000Z' });
    expect(standing('cfe', 'US', NOW)).toMatchObject({ standing: 'suspended', since: '2023-12-07T00:00:00.000Z' });
    expect(standing('cfe', 'CA', NOW)).toMatchObject({ standing: 'suspended', since: '2024-02-07T00:00:00.000Z' });
    expect(standing('cfe', 'CA', '2024-02-06T23:59:59.999Z')?.standing).not.toBe('suspended');
    expect(statesAsOf('cfe', NOW).map((s) => s.code)).not.toContain('XX-NATO');
  });

  it('sums the CTBT up as a card says it: 35 of 44 Annex 2 states, nine missing, with the CTBTO counts', () => {
    const summary = partySummaryOf('ctbt', updatesAsOf('ctbt', NOW), NOW);
    expect(summary?.groups[0]).toMatchObject({ id: 'annex-2', size: 44, ratified: 35 });
    expect(summary?.groups[0]?.missing.sort()).toEqual(['CN', 'EG', 'IL', 'IN', 'IR', 'KP', 'PK', 'RU', 'US']);
    expect(summary?.counts).toMatchObject({ signatories: 187, ratifications: 178, asOf: '2026-02-06', movesSince: 0 });
    expect(summary?.counts?.sourceUrl).toContain('ctbto.org');
    expect(partySummaryOf('tpnw', updatesAsOf('tpnw', NOW), NOW)).toMatchObject({ complete: false, counts: { parties: 74 } });
  });

  it('counts a ratification posted after the count date and refuses one twice', () => {
    const updates = updatesAsOf('ctbt', NOW);
    const egypt: Update & { party: NonNullable<Update['party']> } = {
      id: 'live-eg',
      seq: 10_000,
      treatyId: 'ctbt',
      headline: 'Egypt ratifies the CTBT',
      occurredAt: NOW,
      publishedAt: NOW,
      author: 'desk',
      party: { code: 'EG', action: 'ratified' },
    };
    expect(refusalOf(updates, egypt)).toBeUndefined();
    const after = partySummaryOf('ctbt', [...updates, egypt], NOW);
    expect(after?.groups[0]?.missing).toHaveLength(8);
    expect(after?.counts).toMatchObject({ ratifications: 179, movesSince: 1 });
    expect(refusalOf([...updates, egypt], { ...egypt, id: 'again' })).toMatchObject({ at: 'now', standing: 'ratified' });
    expect(partySummaryOf('ctbt', [...updates, { ...egypt, retractedAt: NOW }], NOW)?.groups[0]?.missing).toHaveLength(9);
  });

  it('refuses a backdated move that the later record contradicts', () => {
    const updates = updatesAsOf('open-skies', NOW);
    const early = {
      id: 'x',
      seq: 10_000,
      treatyId: 'open-skies',
      headline: 'US leaves',
      occurredAt: '2019-01-01T00:00:00.000Z',
      publishedAt: NOW,
      author: 'desk',
      party: { code: 'US', action: 'withdrew' as const },
    };
    expect(refusalOf(updates, early)).toMatchObject({ at: 'later' });
  });
});
