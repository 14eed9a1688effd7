import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@treaty-watch/shared';
import { snapshotCache } from './snapshot-cache';

describe('the shared snapshot', () => {
  it('is read once for any number of sockets asking at once, and again only when the seq moves on', async () => {
    let seq = 7;
    let reads = 0;
    let finish: () => void = () => undefined;
    const read = () => {
      reads += 1;
      const at = seq;
      return new Promise<Snapshot>((resolve) => (finish = () => resolve({ seq: at, serverTime: new Date().toISOString() } as Snapshot)));
    };
    const current = snapshotCache(read, () => seq);
    const asked = Array.from({ length: 100 }, () => current());
    finish();
    expect((await Promise.all(asked)).every((s) => s.seq === 7)).toBe(true);
    expect(reads).toBe(1);
    expect((await current()).seq).toBe(7);
    expect(reads).toBe(1);

    seq = 8;
    const newer = current();
    finish();
    expect((await newer).seq).toBe(8);
    expect(reads).toBe(2);
  });
});
