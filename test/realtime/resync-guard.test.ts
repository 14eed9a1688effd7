import { describe, expect, it } from 'vitest';
import { postUpdate } from '../support/api-client';
import type { BoardClient } from '../support/board-client';
import { useServer } from '../support/use-server';

const tw = useServer();

async function metric(line: RegExp): Promise<number> {
  const text = await (await fetch(`${tw.server.url}/metrics`)).text();
  return Number(line.exec(text)?.[1] ?? 0);
}
const invalidRefused = () => metric(/^treaty_watch_resyncs_refused_total\{reason="invalid"\} (\d+)/m);
const floodsDropped = () => metric(/^treaty_watch_resync_floods_dropped_total (\d+)/m);

/** Emits what no typed client can: any arguments, with an ack that records being called. */
function emitRaw(client: BoardClient, args: unknown[]): { acked: boolean; answered: Promise<void> } {
  const seen = { acked: false, answered: Promise.resolve() };
  seen.answered = new Promise((resolve) => {
    (client.socket.emit as (event: string, ...rest: unknown[]) => void)('resync', ...args, () => {
      seen.acked = true;
      resolve();
    });
  });
  return seen;
}

/** Rejects after `ms`: an ack that never comes fails the test instead of hanging it. */
const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms))]);

async function caughtUp(): Promise<BoardClient> {
  const client = tw.connect();
  await client.until(() => client.snapshots.length === 1, 5000, 'the first snapshot');
  return client;
}

describe('resync requests', () => {
  it.each([
    ['a number past the safe range', [{ lastSeq: 1e308 }]],
    ['an integer too large to be exact', [{ lastSeq: 2 ** 53 }]],
    ['a negative seq', [{ lastSeq: -1 }]],
    ['a fraction', [{ lastSeq: 1.5 }]],
    ['NaN (null on the wire)', [{ lastSeq: Number.NaN }]],
    ['a string', [{ lastSeq: '12' }]],
    ['an object', [{ lastSeq: { $gt: 0 } }]],
    ['an array', [{ lastSeq: [1] }]],
    ['null', [null]],
    ['a long string', ['x'.repeat(8000)]],
    ['nothing', []],
  ])('ignore %s, count it, and still answer the next valid one', async (_what, args) => {
    const client = await caughtUp();
    const before = await invalidRefused();
    const hostile = emitRaw(client, args);
    const valid = emitRaw(client, [{ lastSeq: client.lastSeq }]);
    await within(valid.answered, 3000, 'answer to the valid request');
    expect(hostile.acked).toBe(false);
    expect(client.snapshots).toHaveLength(1);
    expect(client.changes).toHaveLength(0);
    expect(await invalidRefused()).toBe(before + 1);
  });

  it('ignore extra arguments beside a valid request', async () => {
    const client = await caughtUp();
    const request = emitRaw(client, [{}, 'extra', 42, { lastSeq: 0 }]);
    await within(request.answered, 3000, 'answer');
    expect(client.snapshots).toHaveLength(2);
  });

  it(
    'run one catch-up at a time for a socket: one asked meanwhile waits, and a later one takes its place',
    { timeout: 60_000 },
    async () => {
      const client = await caughtUp();
      const from = client.lastSeq ?? 0;
      for (let i = 0; i < 200; i++) await postUpdate(tw.server.url, 'ctbt', { headline: `Queued ${i}` });
      await client.until(() => client.changes.length === 200, 10_000, 'the live changes');
      client.changes.length = 0;

      const acks = [{ lastSeq: from }, { lastSeq: from + 100 }, { lastSeq: from + 150 }].map((request) => emitRaw(client, [request]));
      await within(Promise.all(acks.map((a) => a.answered)), 10_000, 'answer to every request');
      const run = (after: number) => Array.from({ length: from + 200 - after }, (_, i) => after + 1 + i);
      // Interleaved replays, or the one that was overtaken, would show here.
      expect(client.changes.map((c) => c.seq)).toEqual([...run(from), ...run(from + 150)]);
    },
  );

  it('drop a socket that floods them, say so in /metrics, and leave its neighbour live', async () => {
    const neighbour = await caughtUp();
    const flooder = await caughtUp();
    const before = await floodsDropped();
    const gone = new Promise<string>((resolve) => flooder.socket.once('disconnect', (reason) => resolve(reason)));
    for (let i = 0; i < 2000; i++) emitRaw(flooder, [{}]);
    expect(await gone).toBe('io server disconnect');
    expect(await floodsDropped()).toBe(before + 1);

    const { body } = await postUpdate<{ update: { seq: number } }>(tw.server.url, 'ctbt', { headline: 'After the flood' });
    await neighbour.until(() => neighbour.changes.some((c) => c.seq === body.update.seq), 3000, 'the live change');
    expect(neighbour.socket.connected).toBe(true);
  });
});

describe('presence', () => {
  it('does not count an editor’s or admin’s page (a desk) as a viewer', async () => {
    const viewer = tw.connect();
    await viewer.until(() => viewer.presence.length > 0);
    const viewers = viewer.presence.at(-1)?.viewers ?? 0;
    const screens = viewer.presence.at(-1)?.screens ?? 0;
    const desk = tw.connect({ client: 'desk' });
    await desk.until(() => desk.snapshots.length === 1);
    // A screen changes presence, so a new figure goes out; the desk must not be in it.
    tw.connect({ client: 'screen' });
    await viewer.until(() => viewer.presence.at(-1)?.screens === screens + 1, 3000, 'presence with the screen');
    expect(viewer.presence.at(-1)?.viewers).toBe(viewers);
  });
});
