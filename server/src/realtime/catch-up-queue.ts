interface Waiting {
  lastSeq: number | undefined;
  done: (() => void)[];
}

/**
 * One catch-up at a time for one socket. A request made while one runs waits, and a later one
 * takes its place (it knows better where the client stands), so a socket never has more than
 * one catch-up running and one waiting, whatever it sends. `done` is called once a catch-up
 * that began after the request has finished; `failed` when one throws.
 */
export function catchUpQueue(run: (lastSeq: number | undefined) => Promise<void>, failed: (error: unknown) => void) {
  let running = false;
  let waiting: Waiting | undefined;

  async function drain(first: Waiting): Promise<void> {
    running = true;
    try {
      for (let next: Waiting | undefined = first; next; next = waiting) {
        waiting = undefined;
        await run(next.lastSeq);
        for (const done of next.done) done();
      }
    } catch (error) {
      waiting = undefined;
      failed(error);
    } finally {
      running = false;
    }
  }

  return function request(lastSeq: number | undefined, done?: () => void): void {
    const dones = [...(waiting?.done ?? []), ...(done ? [done] : [])];
    if (running) {
      waiting = { lastSeq, done: dones };
      return;
    }
    void drain({ lastSeq, done: dones });
  };
}
