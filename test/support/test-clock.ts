/**
 * A clock a test moves by hand: it starts at the real time and moves only with advance(), so
 * an expiry, an embargo or a retry falls due when the test says, not after a wait.
 */
export interface TestClock {
  now: () => Date;
  advance: (ms: number) => void;
}

export function testClock(start: Date = new Date()): TestClock {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    advance(ms) {
      at += ms;
    },
  };
}
