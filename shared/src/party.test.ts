import { describe, expect, it } from 'vitest';
import { COUNTRY_NAMES, countryName } from './countries';
import { ACTION_STANDING, canTakeAction, countryCodeSchema, PARTY_ACTIONS, PARTY_TRANSITIONS, partyMoveSchema, STANDINGS } from './party';

describe('the per-state vocabulary', () => {
  it('lets a state join, ratify, revoke, suspend, give notice and leave, and nothing else', () => {
    expect(canTakeAction('not_signed', 'signed')).toBe(true);
    expect(canTakeAction('not_signed', 'ratified')).toBe(false);
    expect(canTakeAction('signed', 'ratified')).toBe(true);
    expect(canTakeAction('ratified', 'ratified')).toBe(false);
    expect(canTakeAction('ratified', 'ratification_revoked')).toBe(true);
    expect(ACTION_STANDING.ratification_revoked).toBe('signed');
    expect(canTakeAction('withdrawal_pending', 'withdrew')).toBe(true);
    expect(canTakeAction('withdrawn', 'withdrew')).toBe(false);
  });

  it('leads every allowed action to a standing, and every standing is reachable', () => {
    const reached = new Set<string>(['not_signed']);
    for (const standing of STANDINGS) for (const action of PARTY_TRANSITIONS[standing]) reached.add(ACTION_STANDING[action]);
    expect([...reached].sort()).toEqual([...STANDINGS].sort());
    for (const action of PARTY_ACTIONS) expect(STANDINGS).toContain(ACTION_STANDING[action]);
  });

  it('takes ISO 3166-1 alpha-2 codes in any case and nothing else', () => {
    expect(countryCodeSchema.parse('eg')).toBe('EG');
    for (const bad of ['XX', 'constructor', '__proto__', 'toString', 'E', 'EGY', '', 'E\u0000', 42, null]) {
      expect(countryCodeSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(countryName('KP')).toBe('North Korea');
    expect(countryName('constructor')).toBe('constructor');
    expect(COUNTRY_NAMES.size).toBe(249 + 2);
  });

  it('names the field a bad move gets wrong', () => {
    const result = partyMoveSchema.safeParse({ code: 'XX', action: 'joined' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['action', 'code']);
    expect(partyMoveSchema.safeParse({ code: 'EG', action: 'ratified', extra: 1 }).success).toBe(false);
  });
});
