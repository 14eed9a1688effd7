import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Presence } from '@treaty-watch/shared';
import type { BoardServer } from './board-server';
import { PresenceCounter } from './presence';

/** Stands in for Socket.IO: a process holding `sockets`, recording the counts its live room is sent. */
function fakeIo(sockets: number) {
  const sent: Presence[] = [];
  const io = {
    engine: { clientsCount: sockets },
    local: { to: () => ({ emit: (_event: string, presence: Presence) => sent.push(presence) }) },
  } as unknown as BoardServer;
  return { io, sent };
}

/** A viewer joins every second for `seconds`, as during a reconnection wave. */
function churn(presence: PresenceCounter, seconds: number) {
  for (let i = 0; i < seconds; i++) {
    presence.join('viewer');
    vi.advanceTimersByTime(1000);
  }
}

describe('presence', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tells a process with few sockets a new count every second', () => {
    const { io, sent } = fakeIo(40);
    const presence = new PresenceCounter(io, false);
    try {
      churn(presence, 10);
      expect(sent.map((p) => p.viewers)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    } finally {
      presence.stop();
    }
  });

  it('tells the sockets of a process holding thousands a new count less often, a millisecond per socket, and the newest count', () => {
    const { io, sent } = fakeIo(5000);
    const presence = new PresenceCounter(io, false);
    try {
      churn(presence, 20);
      expect(sent.map((p) => p.viewers)).toEqual([1, 6, 11, 16]);
      vi.advanceTimersByTime(5000);
      expect(sent.at(-1)?.viewers).toBe(20);
    } finally {
      presence.stop();
    }
  });

  it('waits at most ten seconds between counts, however many sockets', () => {
    const { io, sent } = fakeIo(19_000);
    const presence = new PresenceCounter(io, false);
    try {
      churn(presence, 30);
      expect(sent.map((p) => p.viewers)).toEqual([1, 11, 21]);
    } finally {
      presence.stop();
    }
  });

  it('sends nothing while the count stays the same', () => {
    const { io, sent } = fakeIo(40);
    const presence = new PresenceCounter(io, false);
    try {
      presence.join('screen');
      vi.advanceTimersByTime(10_000);
      expect(sent).toEqual([{ viewers: 0, screens: 1, embeds: 0 }]);
    } finally {
      presence.stop();
    }
  });
});
