import { describe, expect, it } from 'vitest';
import type { Change, Treaty } from '@treaty-watch/shared';
import type { BoardServer } from './board-server';
import { Broadcaster } from './broadcaster';

const treaty = { id: 'inf', version: 1 } as Treaty;
const change = (seq: number): Change => ({ seq, kind: 'treaty.changed', treaty });

/** Stands in for Socket.IO: records what the live room was sent. */
function fakeIo() {
  const sent: number[] = [];
  const io = { local: { to: () => ({ emit: (_event: string, c: Change) => sent.push(c.seq) }) } } as unknown as BoardServer;
  return { io, sent };
}

describe('the broadcaster', () => {
  it('finds in the store the changes another process wrote whose messages never came, and sends them in order', async () => {
    const { io, sent } = fakeIo();
    const log = [change(1), change(2), change(3)];
    const broadcaster = new Broadcaster(io, 0, [], {
      fill: async (after) => log.filter((c) => c.seq > after),
      latestSeq: async () => log.length,
      storeCheckMs: 20,
    });
    try {
      await expect.poll(() => sent).toEqual([1, 2, 3]);
      broadcaster.receive(change(2));
      log.push(change(4));
      broadcaster.receive(change(4));
      expect(sent).toEqual([1, 2, 3, 4]);
      expect(broadcaster.seq).toBe(4);
    } finally {
      broadcaster.stop();
    }
  });

  it('keeps looking while the store does not answer, and catches up once it does', async () => {
    const { io, sent } = fakeIo();
    let down = true;
    let asked = 0;
    const broadcaster = new Broadcaster(io, 0, [], {
      fill: async () => [change(1)],
      latestSeq: async () => {
        asked += 1;
        if (down) throw new Error('connection refused');
        return 1;
      },
      storeCheckMs: 20,
    });
    try {
      await expect.poll(() => asked).toBeGreaterThanOrEqual(3);
      expect(sent).toEqual([]);
      down = false;
      await expect.poll(() => sent).toEqual([1]);
    } finally {
      broadcaster.stop();
    }
  });

  it('reports each change it had to find in the store, once, so caches and webhooks hear of it too', async () => {
    const { io, sent } = fakeIo();
    const log = [change(1), change(2), change(3)];
    const recovered: number[] = [];
    const broadcaster = new Broadcaster(io, 0, [], {
      fill: async (after) => log.filter((c) => c.seq > after),
      recovered: (c) => recovered.push(c.seq),
    });
    try {
      // A relayed 3 shows that 1 and 2 never came: the gap fill finds them, and only them.
      broadcaster.receive(change(3));
      await expect.poll(() => sent, { timeout: 5000 }).toEqual([1, 2, 3]);
      expect(recovered).toEqual([1, 2]);
    } finally {
      broadcaster.stop();
    }
    const quiet = fakeIo();
    const found: number[] = [];
    const checking = new Broadcaster(quiet.io, 0, [], {
      fill: async (after) => log.filter((c) => c.seq > after),
      latestSeq: async () => log.length,
      storeCheckMs: 20,
      recovered: (c) => found.push(c.seq),
    });
    try {
      await expect.poll(() => quiet.sent).toEqual([1, 2, 3]);
      checking.receive(change(3));
      expect(found).toEqual([1, 2, 3]);
    } finally {
      checking.stop();
    }
  });
});
