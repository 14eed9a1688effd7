import { afterEach, describe, expect, it } from 'vitest';
import { changeSchema, snapshotSchema, type Change, type Snapshot } from '@treaty-watch/shared';
import { EventStreamClient } from '../support/event-stream-client';
import { useServer } from '../support/use-server';

const board = useServer({ sse: { maxStreams: 5, heartbeatMs: 200 } });
const readers: EventStreamClient[] = [];
const open = (path = '/api/stream', headers: Record<string, string> = {}, from = board) => {
  const reader = new EventStreamClient(`${from.server.url}${path}`, headers);
  readers.push(reader);
  return reader;
};
const changes = (reader: EventStreamClient): Change[] => reader.of('change').map((e) => changeSchema.parse(JSON.parse(e.data)));
const snapshotOf = (reader: EventStreamClient): Snapshot => snapshotSchema.parse(JSON.parse(reader.of('snapshot')[0]?.data ?? 'null'));

afterEach(() => {
  for (const reader of readers.splice(0)) reader.close();
});

describe('GET /api/stream, the event stream', () => {
  it('opens with a snapshot whose id is its seq, then sends each change with its seq as the id', async () => {
    const reader = open();
    await reader.until(() => reader.of('snapshot').length === 1);
    expect(reader.status).toBe(200);
    expect(reader.contentType).toMatch(/^text\/event-stream/);
    const snapshot = snapshotOf(reader);
    expect(reader.of('snapshot')[0]?.id).toBe(String(snapshot.seq));
    const sent = performance.now();
    const posted = await board.api.postUpdate<{ update: { id: string } }>('npt', { headline: 'Stream check' });
    expect(posted.status).toBe(201);
    await reader.until(() => reader.of('change').length === 1);
    const [change] = changes(reader);
    expect(change).toMatchObject({ seq: snapshot.seq + 1, kind: 'update.posted', update: { id: posted.body.update.id } });
    expect(reader.of('change')[0]?.id).toBe(String(snapshot.seq + 1));
    process.stdout.write(
      `event stream: a change reached the reader ${((reader.of('change')[0]?.at ?? 0) - sent).toFixed(1)} ms after its POST was sent\n`,
    );
  });

  it('replays exactly what a reader missed when it comes back with Last-Event-ID, header or query', async () => {
    const first = open();
    await first.until(() => first.of('snapshot').length === 1);
    const seen = first.lastEventId;
    first.close();
    for (const headline of ['Missed one', 'Missed two', 'Missed three']) await board.api.postUpdate('inf', { headline });
    const back = open('/api/stream', { 'last-event-id': seen });
    await back.until(() => back.of('change').length === 3);
    expect(back.of('snapshot')).toEqual([]);
    expect(changes(back).map((c) => c.update?.headline)).toEqual(['Missed one', 'Missed two', 'Missed three']);
    expect(changes(back).map((c) => c.seq)).toEqual([1, 2, 3].map((n) => Number(seen) + n));
    await board.api.postUpdate('inf', { headline: 'Live again' });
    await back.until(() => back.of('change').length === 4);
    const viaQuery = open(`/api/stream?lastEventId=${seen}`);
    await viaQuery.until(() => viaQuery.of('change').length === 4);
    expect(changes(viaQuery)).toEqual(changes(back));
    await board.api.postUpdate('inf', { headline: 'Once more' });
    await viaQuery.until(() => viaQuery.of('change').length === 5);
    expect(changes(viaQuery).at(-1)?.update?.headline).toBe('Once more');
  });

  it('sends a snapshot to a reader whose Last-Event-ID is ahead of the server, or is not an id it sent', async () => {
    const { body } = await board.api.get<Snapshot>('/api/snapshot');
    for (const id of [String(body.seq + 1000), 'abc', '-1', '1e3', '9'.repeat(40), '', '1.5', '0x10']) {
      const reader = open('/api/stream', { 'last-event-id': id });
      await reader.until(() => reader.of('snapshot').length === 1, 5000, `a snapshot for Last-Event-ID ${JSON.stringify(id)}`);
      expect(reader.status).toBe(200);
      expect(reader.of('change')).toEqual([]);
      reader.close();
    }
  });

  it('sends only the followed treaties with ?treaties=, in the snapshot and live', async () => {
    const reader = open('/api/stream?treaties=inf,ctbt');
    await reader.until(() => reader.of('snapshot').length === 1);
    expect(new Set(snapshotOf(reader).treaties.map((t) => t.id))).toEqual(new Set(['inf', 'ctbt']));
    expect(snapshotOf(reader).updates.every((u) => ['inf', 'ctbt'].includes(u.treatyId))).toBe(true);
    await board.api.postUpdate('npt', { headline: 'Not followed' });
    await board.api.postUpdate('ctbt', { headline: 'Followed' });
    await reader.until(() => reader.of('change').length === 1);
    await board.api.postUpdate('inf', { headline: 'Followed too' });
    await reader.until(() => reader.of('change').length === 2);
    expect(changes(reader).map((c) => c.update?.headline)).toEqual(['Followed', 'Followed too']);
  });

  it('gets changes written at once in seq order without a gap, as a dashboard does', async () => {
    const reader = open();
    await reader.until(() => reader.of('snapshot').length === 1);
    const from = snapshotOf(reader).seq;
    await Promise.all(Array.from({ length: 20 }, (_, i) => board.api.postUpdate(i % 2 ? 'npt' : 'inf', { headline: `Burst ${i}` })));
    await reader.until(() => reader.of('change').length === 20);
    expect(changes(reader).map((c) => c.seq)).toEqual(Array.from({ length: 20 }, (_, i) => from + 1 + i));
  });

  it('says it is alive with a comment between changes', async () => {
    const reader = open();
    await reader.until(() => reader.comments.includes('heartbeat'), 5000, 'a heartbeat comment');
  });

  describe('with room for two streams', () => {
    const small = useServer({ sse: { maxStreams: 2, heartbeatMs: 25_000 } });
    it('refuses more streams than it may hold with a 503 and Retry-After, and takes one again when one closes', async () => {
      const held = [open('/api/stream', {}, small), open('/api/stream', {}, small)];
      await Promise.all(held.map((reader) => reader.until(() => reader.of('snapshot').length === 1)));
      const refused = await fetch(`${small.server.url}/api/stream`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.headers.get('retry-after')).toBe('30');
      await refused.body?.cancel();
      held[0]?.close();
      // The server hears of the hang-up a moment after the reader hangs up: ask until it has.
      await expect
        .poll(
          async () => {
            const again = open('/api/stream', {}, small);
            await again.opened;
            if (again.status !== 200) again.close();
            return again.status;
          },
          { timeout: 5000, interval: 50 },
        )
        .toBe(200);
    });

    it('answers HEAD with the headers of a stream at once, and holds nothing open for it', async () => {
      for (let i = 0; i < 3; i++) {
        const head = await fetch(`${small.server.url}/api/stream?treaties=inf`, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
        expect(head.status).toBe(200);
        expect(head.headers.get('content-type')).toMatch(/^text\/event-stream/);
      }
      // Three HEADs took none of the two streams this server may hold.
      const held = [open('/api/stream', {}, small), open('/api/stream', {}, small)];
      await Promise.all(held.map((reader) => reader.until(() => reader.of('snapshot').length === 1)));
      expect(held.map((reader) => reader.status)).toEqual([200, 200]);
    });
  });

  describe('at shutdown', () => {
    const leaving = useServer();
    it('ends its streams at shutdown, so readers reconnect elsewhere and the shutdown does not wait on them', async () => {
      const reader = open('/api/stream', {}, leaving);
      await reader.until(() => reader.of('snapshot').length === 1);
      const started = Date.now();
      await leaving.server.stop();
      // A stream left open would hold the shutdown for its whole 8 s grace.
      expect(Date.now() - started).toBeLessThan(6000);
      await reader.until(() => reader.ended, 5000, 'the stream to end');
    });
  });

  it('answers hostile queries with a 400 problem, never a 5xx, and writes nothing', async () => {
    const before = (await board.api.get<Snapshot>('/api/snapshot')).body.seq;
    for (const query of [
      'treaties=',
      'treaties=,,,',
      'treaties=INF',
      'treaties=inf%00',
      'treaties=%E2%80%AE',
      'treaties=inf&treaties=npt',
      'treaties[]=inf',
      `treaties=${'a,'.repeat(5000)}`,
      `treaties=${Array.from({ length: 101 }, (_, i) => `t${i}`).join(',')}`,
      'treaties=__proto__',
      'lastEventId=-1',
      'lastEventId=abc',
      'lastEventId=1e3',
      `lastEventId=${'9'.repeat(40)}`,
      'lastEventId=1&lastEventId=2',
      'other=1',
    ]) {
      const response = await fetch(`${board.server.url}/api/stream?${query}`);
      expect(response.status, query.slice(0, 60)).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      await response.body?.cancel();
    }
    expect((await board.api.get<Snapshot>('/api/snapshot')).body.seq).toBe(before);
  });
});
