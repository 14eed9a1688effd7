import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Presence } from '@treaty-watch/shared';
import type { BoardServer } from './board-server';
import { PresenceCounter } from './presence';

/** The counter of the test under way, stopped after it. */
let running: PresenceCounter | undefined;

/** A counter on a stand-in for Socket.IO: a process holding `sockets`, recording the counts its live room is sent. */
function counterFor(sockets: number) {
  const sent: Presence[] = [];
  const io = {
    engine: { clientsCount: sockets },
    local: { to: () => ({ emit: (_event: string, count: Presence) => sent.push(count) }) },
  } as unknown as BoardServer;
  running = new PresenceCounter(io, false);
  return { presence: running, sent };
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
    running?.stop();
    vi.useRealTimers();
  });

  it('tells a process with few sockets a new count every second', () => {
    const { presence, sent } = counterFor(40);
    churn(presence, 10);
    expect(sent.map((p) => p.viewers)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('tells the sockets of a process holding thousands a new count less often, a millisecond per socket, and the newest count', () => {
    const { presence, sent } = counterFor(5000);
    churn(presence, 20);
    expect(sent.map((p) => p.viewers)).toEqual([1, 6, 11, 16]);
    vi.advanceTimersByTime(5000);
    expect(sent.at(-1)?.viewers).toBe(20);
  });

  it('waits at most ten seconds between counts, however many sockets', () => {
    const { presence, sent } = counterFor(19_000);
    churn(presence, 30);
    expect(sent.map((p) => p.viewers)).toEqual([1, 11, 21]);
  });

  it('sends nothing while the count stays the same', () => {
    const { presence, sent } = counterFor(40);
    presence.join('screen');
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([{ viewers: 0, screens: 1, embeds: 0 }]);
  });
});
