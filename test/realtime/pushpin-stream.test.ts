import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { changeSchema, snapshotSchema, type Change } from '@treaty-watch/shared';
import { EventStreamClient } from '../support/event-stream-client';
import { pushpinInstalled, startPushpin, type RunningPushpin } from '../support/pushpin';
import { useServer } from '../support/use-server';

if (!pushpinInstalled)
  process.stdout.write('Pushpin stream test skipped: it needs pushpin and zurl (apt-get install pushpin); .ci/run installs them.\n');

let pushpin: RunningPushpin;
const readers: EventStreamClient[] = [];
const open = (path = '/api/stream', headers: Record<string, string> = {}) => {
  const reader = new EventStreamClient(`${pushpin.url}${path}`, headers);
  readers.push(reader);
  return reader;
};
const changes = (reader: EventStreamClient): Change[] => reader.of('change').map((e) => changeSchema.parse(JSON.parse(e.data)));

describe.skipIf(!pushpinInstalled)('GET /api/stream through Pushpin (GRIP_PROXY_URL set)', () => {
  const board = useServer();
  beforeAll(async () => {
    pushpin = await startPushpin(Number(new URL(board.server.url).port));
    // The same port, now publishing to this Pushpin.
    await board.server.stop();
    await board.server.start({ grip: { publishUrl: pushpin.publishUrl, sigKey: pushpin.sigKey } });
    await pushpin.holdsStreams();
  }, 30_000);
  afterEach(() => {
    for (const reader of readers.splice(0)) reader.close();
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset if beforeAll failed before assigning it
  afterAll(() => pushpin?.stop());

  it('holds the reader in Pushpin and delivers each change published to it', async () => {
    const reader = open();
    await reader.until(() => reader.of('snapshot').length === 1);
    expect(reader.status).toBe(200);
    expect(reader.contentType).toMatch(/^text\/event-stream/);
    // Pushpin acts on the GRIP instructions and keeps them from the reader.
    expect(reader.headers?.get('grip-hold')).toBeNull();
    const snapshot = snapshotSchema.parse(JSON.parse(reader.of('snapshot')[0]?.data ?? 'null'));
    const sent = performance.now();
    await board.api.postUpdate('npt', { headline: 'Through Pushpin' });
    await reader.until(() => reader.of('change').length === 1);
    expect(changes(reader)[0]).toMatchObject({ seq: snapshot.seq + 1, update: { headline: 'Through Pushpin' } });
    expect(reader.of('change')[0]?.id).toBe(String(snapshot.seq + 1));
    const warm = performance.now();
    await board.api.postUpdate('npt', { headline: 'Through Pushpin again' });
    await reader.until(() => reader.of('change').length === 2);
    const took = (i: number, from: number) => ((reader.of('change')[i]?.at ?? 0) - from).toFixed(1);
    process.stdout.write(
      `event stream through Pushpin: a change reached the reader ${took(0, sent)} ms after its POST was sent (the first), ${took(1, warm)} ms (the next)\n`,
    );
    expect(reader.ended).toBe(false);
  });

  it('replays exactly what a reader missed when it comes back through Pushpin with Last-Event-ID, then goes on live', async () => {
    const first = open();
    await first.until(() => first.of('snapshot').length === 1);
    const seen = first.lastEventId;
    first.close();
    for (const headline of ['Missed one', 'Missed two']) await board.api.postUpdate('inf', { headline });
    const back = open('/api/stream', { 'last-event-id': seen });
    await back.until(() => back.of('change').length === 2);
    expect(back.of('snapshot')).toEqual([]);
    expect(changes(back).map((c) => c.seq)).toEqual([Number(seen) + 1, Number(seen) + 2]);
    await board.api.postUpdate('inf', { headline: 'Live again' });
    await back.until(() => back.of('change').length === 3);
    expect(changes(back).map((c) => c.update?.headline)).toEqual(['Missed one', 'Missed two', 'Live again']);
  });

  it('holds a reader of some treaties on their channels only', async () => {
    const reader = open('/api/stream?treaties=ctbt');
    const all = open();
    await reader.until(() => reader.of('snapshot').length === 1);
    await all.until(() => all.of('snapshot').length === 1);
    await board.api.postUpdate('npt', { headline: 'Not followed' });
    await board.api.postUpdate('ctbt', { headline: 'Followed' });
    await all.until(() => all.of('change').length === 2);
    await reader.until(() => reader.of('change').length === 1);
    expect(changes(reader).map((c) => c.update?.headline)).toEqual(['Followed']);
  });

  it('gives a reader of some treaties each of their changes exactly once, held while changes are published, and across a reconnect with Last-Event-ID', async () => {
    const posted: { seq: number; treaty: string }[] = [];
    const post = async (treaty: string, headline: string) => {
      const answer = await board.api.postUpdate<{ update: { seq: number } }>(treaty, { headline });
      posted.push({ seq: answer.body.update.seq, treaty });
      return answer.body.update.seq;
    };
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    let writing = true;
    // A change every 50 ms, far past any desk's pace; under a flood Pushpin 1.36 can stall a reader (the README's known limit).
    const writer = (async () => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `writing` is cleared by another callback, which narrowing cannot see
      for (let i = 0; writing; i++) {
        await post(['ctbt', 'npt', 'inf'][i % 3] ?? 'npt', `Boundary ${i}`);
        await pause(50);
      }
    })();
    // Readers of two sets of treaties, each held (or held again after its replay) while changes keep being
    // published; readers of one set and of the other must never be given each other's.
    const runs: { followed: string[]; reconnected: boolean; start: number; seqs: () => number[] }[] = [];
    try {
      for (let i = 0; i < 12; i++) {
        const followed = i % 4 < 2 ? ['ctbt', 'inf'] : ['npt'];
        const path = `/api/stream?treaties=${followed.join(',')}`;
        const reconnected = i % 2 === 1;
        const first = open(path);
        await first.until(() => first.of('snapshot').length === 1, 10_000);
        const start = Number(first.of('snapshot')[0]?.id);
        if (!reconnected) {
          runs.push({ followed, reconnected, start, seqs: () => changes(first).map((c) => c.seq) });
          continue;
        }
        await first.until(() => first.of('change').length > 0, 10_000);
        first.close();
        await pause(30);
        const back = open(path, { 'last-event-id': first.lastEventId });
        runs.push({ followed, reconnected, start, seqs: () => [...changes(first), ...changes(back)].map((c) => c.seq) });
      }
    } finally {
      // Stopped even when a reader fails, so its writes do not run on into the next test.
      writing = false;
      await writer;
    }
    const lastOf = new Map<string, number>();
    for (const treaty of ['ctbt', 'inf', 'npt']) lastOf.set(treaty, await post(treaty, `Last of ${treaty}`));
    for (const [i, run] of runs.entries()) {
      const last = Math.max(...run.followed.map((treaty) => lastOf.get(treaty) ?? 0));
      const what = `reader ${i} of ${run.followed.join(',')}${run.reconnected ? ', reconnected' : ''}`;
      await expect.poll(() => run.seqs().at(-1), { timeout: 10_000, message: what }).toBe(last);
      const expected = posted
        .filter((p) => run.followed.includes(p.treaty) && p.seq > run.start)
        .map((p) => p.seq)
        .sort((a, b) => a - b);
      expect(run.seqs(), what).toEqual(expected);
    }
  }, 60_000);

  it('answers a hostile query with a 400 through Pushpin too', async () => {
    const response = await fetch(`${pushpin.url}/api/stream?treaties=%00`);
    expect(response.status).toBe(400);
    await response.body?.cancel();
  });

  it('serves a plain stream, not a hold, to a reader who reaches the origin with a Grip-Sig Pushpin did not sign', async () => {
    const forged = (claims: object) =>
      `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmVk`;
    for (const sig of ['yes', forged({ iss: 'pushpin', exp: Date.now() / 1000 + 3600 })]) {
      const reader = new EventStreamClient(`${board.server.url}/api/stream`, { 'grip-sig': sig });
      readers.push(reader);
      await reader.until(() => reader.of('snapshot').length === 1);
      expect(reader.headers?.get('grip-hold'), sig).toBeNull();
      await board.api.postUpdate('npt', { headline: `Straight from the origin (${sig.length})` });
      await reader.until(() => reader.of('change').length === 1);
      expect(reader.ended).toBe(false);
    }
  });
});

/** The status a reader on `from` (another loopback address) gets when it opens a stream at `url`. */
const openedFrom = (url: string, from: string) =>
  new Promise<number>((resolve, reject) => {
    const request = http.get(`${url}/api/stream`, { localAddress: from, headers: { accept: 'text/event-stream' } }, (response) => {
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    request.on('error', reject);
  });

describe.skipIf(!pushpinInstalled)('the read limit behind Pushpin (TRUST_PROXY names it)', () => {
  // Ten reads a minute in bursts of one; TRUST_PROXY trusts Pushpin's address, not its readers'.
  const board = useServer({ rateLimits: { writes: 0, reads: 10 }, trustProxy: ['127.0.0.1'] });
  let proxy: RunningPushpin;
  beforeAll(async () => {
    proxy = await startPushpin(Number(new URL(board.server.url).port));
    await board.server.stop();
    await board.server.start({ grip: { publishUrl: proxy.publishUrl, sigKey: proxy.sigKey } });
    await proxy.holdsStreams();
  }, 30_000);
  afterAll(() => proxy.stop());

  it("counts each reader's own address, not Pushpin's, so readers coming back after a deploy are not refused together", async () => {
    expect(await openedFrom(proxy.url, '127.0.0.2')).toBe(200);
    expect(await openedFrom(proxy.url, '127.0.0.3')).toBe(200);
    // The limit is on: the same reader again within the burst's window is refused.
    expect(await openedFrom(proxy.url, '127.0.0.2')).toBe(429);
  });
});
