import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { Server } from 'socket.io';
import { afterAll, describe, expect, it } from 'vitest';
import type { BoardServer } from '../../server/src/realtime/board-server';
import { joinCluster, type Cluster } from '../../server/src/realtime/cluster';
import { createLogger } from '../../server/src/log';
import { forgetKeys, REDIS_URL } from '../support/redis';

const newStream = () => `treaty-watch-test-${randomBytes(4).toString('hex')}`;

/**
 * A change goes to the other processes as a server-side event, which the streams adapter sends
 * over Redis pub/sub rather than the stream. Two fleets on one Redis (staging beside
 * production, or this bench beside a test) are kept apart by REDIS_STREAM: one fleet's changes
 * and presence reaching the other put seqs of another log into its order and its catch-ups.
 */
describe.skipIf(!REDIS_URL)('fleets on one Redis with REDIS_STREAMs of their own', () => {
  const streams = [newStream(), newStream()];
  const joined: { io: BoardServer; cluster: Cluster }[] = [];

  async function member(stream: string): Promise<BoardServer> {
    const io: BoardServer = new Server(http.createServer());
    joined.push({ io, cluster: await joinCluster(io, REDIS_URL ?? '', stream, createLogger('silent')) });
    return io;
  }

  afterAll(async () => {
    for (const { io, cluster } of joined) {
      await io.close();
      await cluster.close();
    }
    for (const stream of streams) await forgetKeys(stream);
  });

  it("hear their own fleet's server-side events and not the other's", async () => {
    const [ours, theirs] = streams as [string, string];
    const [writer, peer, theirWriter, stranger] = [await member(ours), await member(ours), await member(theirs), await member(theirs)];
    const heard = { peer: [] as string[], stranger: [] as string[] };
    peer.on('presence', (report) => heard.peer.push(report.server));
    stranger.on('presence', (report) => heard.stranger.push(report.server));
    const report = (server: string) => ({ server, viewers: 1, screens: 0, embeds: 0 });
    // The subscriptions are made in the background as the adapter starts: each listener has heard its own fleet before the test counts.
    for (let i = 0; i < 100 && !(heard.peer.length && heard.stranger.length); i++) {
      writer.serverSideEmit('presence', report('ours'));
      theirWriter.serverSideEmit('presence', report('theirs'));
      await new Promise((r) => setTimeout(r, 50));
    }
    for (let i = 0; i < 5; i++) writer.serverSideEmit('presence', report('ours'));
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.peer).toContain('ours');
    expect(heard.peer).not.toContain('theirs');
    expect(heard.stranger).toContain('theirs');
    expect(heard.stranger).not.toContain('ours');
  });
});
