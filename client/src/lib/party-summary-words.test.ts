import { describe, expect, it } from 'vitest';
import type { PartySummary, Treaty } from '@treaty-watch/shared';
import { listOfNames, partyMoveWords, partySummaryWords } from './party-summary-words';

const treaty = (status: Treaty['status'], partySummary?: PartySummary): Treaty => ({
  id: 't',
  name: 'T',
  shortName: 'T',
  parties: '',
  category: 'test_ban',
  status,
  statusSince: '2000-01-01T00:00:00.000Z',
  summary: '',
  sources: [],
  version: 1,
  updatedAt: '2000-01-01T00:00:00.000Z',
  ...(partySummary ? { partySummary } : {}),
});

const annex2 = (missing: string[]): PartySummary => ({
  complete: true,
  byStanding: { ratified: 44 - missing.length, signed: 6, not_signed: 3 },
  withdrawn: [],
  groups: [{ id: 'annex2', name: 'Annex 2', size: 44, ratified: 44 - missing.length, missing }],
  counts: { signatories: 187, ratifications: 178, asOf: '2026-02-06', sourceUrl: 'https://example.org', movesSince: 0 },
});

describe('partySummaryWords', () => {
  it('counts the CTBT by the Annex 2 ratifications still missing, and follows a ratification', () => {
    const nine = ['CN', 'EG', 'IR', 'IL', 'RU', 'US', 'IN', 'KP', 'PK'];
    expect(partySummaryWords(treaty('signed', annex2(nine)))?.text).toBe('Signed, not in force · 9 of 44 Annex 2 ratifications missing');
    expect(partySummaryWords(treaty('signed', annex2(nine.slice(1))))?.text).toBe(
      'Signed, not in force · 8 of 44 Annex 2 ratifications missing',
    );
  });

  it('names the states that left a treaty in force, and marks a derived count uncertain with its note', () => {
    const openSkies: PartySummary = {
      complete: true,
      byStanding: { ratified: 32, withdrawn: 2, signed: 1 },
      withdrawn: ['US', 'RU'],
      groups: [],
      counts: {
        parties: 32,
        asOf: '2021-12-18',
        sourceUrl: 'https://example.org',
        movesSince: 0,
        uncertain: true,
        note: 'Derived; one report says 33.',
      },
    };
    expect(partySummaryWords(treaty('in_force', openSkies))).toEqual({
      text: 'In force · 32 parties · US and Russia withdrew',
      uncertain: 'Derived; one report says 33.',
    });
  });

  it('says, as of a day before it left, that a state had given notice', () => {
    const openSkies2020: PartySummary = {
      complete: true,
      byStanding: { ratified: 33, withdrawal_pending: 1, signed: 1 },
      withdrawn: [],
      groups: [],
    };
    expect(partySummaryWords(treaty('in_force', openSkies2020))?.text).toBe('In force · 34 parties · 1 gave notice of withdrawal');
  });

  it('says nothing for a treaty without a record of its states', () => {
    expect(partySummaryWords(treaty('in_force'))).toBeUndefined();
  });

  it('joins names as a sentence does', () => {
    expect(listOfNames(['China'])).toBe('China');
    expect(listOfNames(['China', 'Egypt', 'Iran'])).toBe('China, Egypt and Iran');
    expect(partyMoveWords({ code: 'EG', action: 'ratified' })).toBe('Egypt: Ratified');
  });
});
