import { describe, expect, it } from 'vitest';
import type { PartyState } from '@treaty-watch/shared';
import { compareBy, joinedOrLeftOf, matches, signedOf } from './party-row';

const state = (code: string, name: string, rest: Partial<PartyState> = {}): PartyState => ({
  code,
  name,
  standing: 'ratified',
  groups: [],
  sources: [],
  history: [],
  ...rest,
});

const egypt = state('EG', 'Egypt', { standing: 'signed', groups: ['annex-2'], history: [{ action: 'signed' }] });
const france = state('FR', 'France', {
  signedAt: '1996-09-24T00:00:00.000Z',
  ratifiedAt: '1998-04-06T00:00:00.000Z',
  history: [
    { action: 'signed', on: '1996-09-24T00:00:00.000Z' },
    { action: 'ratified', on: '1998-04-06T00:00:00.000Z' },
  ],
});
const finland = state('FI', 'Finland', { history: [{ action: 'signed' }, { action: 'ratified' }] });
const india = state('IN', 'India', { standing: 'not_signed', groups: ['annex-2'] });
const ivory = state('CI', "Côte d'Ivoire");
const us = state('US', 'United States', {
  standing: 'withdrawn',
  leftAt: '2020-11-22T00:00:00.000Z',
  history: [{ action: 'withdrew', on: '2020-11-22T00:00:00.000Z' }],
});

describe('a row of the parties table', () => {
  it('says "not recorded" for an act the record holds without its day, and nothing for an act that never happened', () => {
    expect(signedOf(egypt)).toEqual({ kind: 'undated' });
    expect(signedOf(india)).toEqual({ kind: 'none' });
    expect(signedOf(france)).toEqual({ kind: 'dated', iso: '1996-09-24T00:00:00.000Z' });
    expect(joinedOrLeftOf(finland)).toEqual({ label: 'ratified', date: { kind: 'undated' } });
    expect(joinedOrLeftOf(egypt)).toEqual({ label: 'ratified', date: { kind: 'none' } });
    expect(joinedOrLeftOf(us)).toEqual({ label: 'left', date: { kind: 'dated', iso: '2020-11-22T00:00:00.000Z' } });
  });

  it('sorts dated acts first, then undated ones, then states without the act', () => {
    const rows = [india, finland, egypt, france].sort(compareBy('signed'));
    expect(rows.map((r) => r.code)).toEqual(['FR', 'EG', 'FI', 'IN']);
    expect([us, india, egypt, france].sort(compareBy('standing')).map((r) => r.code)).toEqual(['FR', 'EG', 'IN', 'US']);
  });

  it('filters by name without case or accents, by exact code, by standing and by group', () => {
    const all = [egypt, france, finland, india, ivory, us];
    const pick = (filter: Parameters<typeof matches>[0]) => all.filter(matches(filter)).map((s) => s.code);
    expect(pick({ text: 'cote', standing: '', group: '' })).toEqual(['CI']);
    expect(pick({ text: 'US', standing: '', group: '' })).toEqual(['US']);
    expect(pick({ text: '', standing: 'signed', group: '' })).toEqual(['EG']);
    expect(pick({ text: '', standing: '', group: 'annex-2' })).toEqual(['EG', 'IN']);
    expect(pick({ text: '.*(', standing: '', group: '' })).toEqual([]);
  });
});
