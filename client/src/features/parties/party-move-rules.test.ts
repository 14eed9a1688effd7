import { describe, expect, it } from 'vitest';
import { actionsFor, moveHeadline } from './party-move-rules';

describe('actionsFor', () => {
  const states = [
    { code: 'EG', standing: 'signed' as const },
    { code: 'US', standing: 'withdrawn' as const },
  ];
  it("offers what shared's transitions allow from the state's standing", () => {
    expect(actionsFor(states, 'EG')).toEqual(['ratified']);
    expect(actionsFor(states, 'US')).toEqual(['acceded']);
  });
  it('treats a state the record does not name as not signed, and no state as nothing to do', () => {
    expect(actionsFor(states, 'FR')).toEqual(['signed', 'acceded', 'succeeded']);
    expect(actionsFor(states, '')).toEqual([]);
  });
});

describe('moveHeadline', () => {
  it('says the move in words', () => {
    expect(moveHeadline('EG', 'ratified', 'CTBT')).toBe('Egypt ratifies the CTBT');
    expect(moveHeadline('US', 'withdrew', 'Open Skies')).toBe('US withdraws from the Open Skies');
  });
});
