import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change, Treaty } from '@treaty-watch/shared';
import { createLogger } from '../log';
import type { BoardServer } from './board-server';
import { Broadcaster } from './broadcaster';
import { publishToGrip } from './grip-publisher';

const treaty = { id: 'inf', version: 1 } as Treaty;
const change = (seq: number): Change => ({ seq, kind: 'treaty.changed', treaty });
const io = { local: { to: () => ({ emit: () => undefined }) } } as unknown as BoardServer;

/** Pushpin's publish endpoint, answering each publish only when the test lets it. */
async function heldPushpin() {
  const held: { seqs: number[]; answer: () => void }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { items } = JSON.parse(body) as { items: { id: string }[] };
      held.push({ seqs: items.map((item) => Number(item.id)), answer: () => res.end('Published\n') });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, held, close: () => server.close() };
}

const settled = (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  return () => done;
};

describe('the GRIP publisher', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('tells a reader’s opening when Pushpin has been given its seq, so no reader is held ahead of what Pushpin has relayed', async () => {
    const pushpin = await heldPushpin();
    const broadcaster = new Broadcaster(io, 4, [], { fill: async () => [] });
    const publisher = publishToGrip(broadcaster, pushpin.url, createLogger('silent'));
    cleanups.push(
      pushpin.close,
      () => broadcaster.stop(),
      () => publisher.stop(),
    );

    // What came before the publisher started is not waited for.
    await publisher.handed(4);
    broadcaster.publish(change(5));
    const five = settled(publisher.handed(5));
    await expect.poll(() => pushpin.held.length).toBe(1);
    broadcaster.publish(change(6));
    expect(five()).toBe(false);

    pushpin.held[0]?.answer();
    await expect.poll(five).toBe(true);
    // 6 came while 5 was under way: it goes in the next request, and its reader waits for that one.
    const six = settled(publisher.handed(6));
    await expect.poll(() => pushpin.held.map((request) => request.seqs)).toEqual([[5], [6]]);
    expect(six()).toBe(false);
    pushpin.held[1]?.answer();
    await expect.poll(six).toBe(true);
  });
});
