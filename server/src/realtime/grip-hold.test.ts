import { describe, expect, it } from 'vitest';
import { gripChannelOf, gripLastSeq } from './grip-hold';

describe('GRIP hold instructions', () => {
  it('holds every reader on the chain of all changes, a reader of some treaties with require-sub and a channel per treaty', () => {
    expect(gripChannelOf(undefined, 41)).toBe('changes; prev-id=41');
    expect(gripChannelOf(new Set(['inf', 'new-start']), 41)).toBe(
      'changes; prev-id=41; filter=require-sub, treaty.inf; prev-id=0, treaty.new-start; prev-id=0',
    );
  });

  it("reads the seq Pushpin last gave a reader from Grip-Last's changes channel, and nothing else", () => {
    expect(gripLastSeq('changes; last-id=412')).toBe(412);
    expect(gripLastSeq('treaty.inf; last-id=0, changes; last-id=7')).toBe(7);
    for (const header of [
      undefined,
      '',
      'treaty.inf; last-id=0',
      'changes',
      'changes; last-id=',
      'changes; last-id=-1',
      'changes; last-id=4e2',
      'changes; last-id=1234567890123456',
    ]) {
      expect(gripLastSeq(header), String(header)).toBeUndefined();
    }
  });
});
