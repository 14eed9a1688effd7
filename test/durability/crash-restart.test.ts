import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PostUpdateResponse, Snapshot, TreatyDetailResponse, UpdatesResponse } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { BoardClient } from '../support/board-client';
import { spawnServer, type SpawnedServer } from '../support/spawned-server';
import { DATABASE_URL, pgTestStore, POSTGRES_MISSING, urlForSchema } from '../support/stores';
import { tempDir } from '../support/temp-dir';

if (!DATABASE_URL) process.stdout.write(`Crash test on PostgreSQL skipped. ${POSTGRES_MISSING}\n`);

async function allUpdates(url: string) {
  const all: UpdatesResponse['updates'] = [];
  for (;;) {
    const after = all.at(-1)?.seq ?? 0;
    const { body } = await request<UpdatesResponse>(`${url}/api/updates?after=${after}&limit=500`);
    if (body.updates.length === 0) return all;
    all.push(...body.updates);
  }
}

/** Writers that post until told to stop, remembering every update the server acknowledged with a 201. */
function startWriters(url: string, count: number, round: number) {
  const acknowledged: PostUpdateResponse[] = [];
  let running = true;
  const writers = Array.from({ length: count }, async (_, w) => {
    for (let i = 0; running; i++) {
      try {
        const response = await postUpdate<PostUpdateResponse>(url, 'npt', { headline: `Round ${round} writer ${w} update ${i}` });
        if (response.status === 201) acknowledged.push(response.body);
      } catch {
        // the server is gone mid-request: this update was never acknowledged
      }
    }
  });
  return {
    acknowledged,
    async stop() {
      running = false;
      await Promise.all(writers);
    },
  };
}

const ACKNOWLEDGED_BEFORE_KILL = 20;

/** Where a crashed server finds its database again when it starts. */
interface Database {
  env: Record<string, string>;
  remove(): Promise<void>;
}

function crashes(name: string, open: () => Promise<Database>, skip = false) {
  describe.skipIf(skip)(`a server on ${name} killed with SIGKILL`, () => {
    const data = tempDir('crash');
    let database: Database | undefined;
    let server: SpawnedServer | undefined;
    const clients: BoardClient[] = [];
    const spawn = (port?: number) => spawnServer(data.dir, port, database?.env);

    beforeAll(async () => {
      database = await open();
      server = await spawn();
    });
    afterEach(() => {
      for (const client of clients.splice(0)) client.close();
    });
    afterAll(async () => {
      await server?.stop();
      await database?.remove();
      data.remove();
    });

    // Four starts of a server and three rounds of writes: on a loaded machine, more than the default 30 s.
    it(
      'keeps every acknowledged update exactly once, in seq order without a gap, and the dashboards catch up by themselves',
      { timeout: 180_000 },
      async () => {
        if (!server) throw new Error('no server');
        const dashboard = new BoardClient(server.url, { reconnection: true });
        clients.push(dashboard);
        await dashboard.until(() => dashboard.snapshots.length === 1, 5000, 'the first snapshot');

        const acknowledged: PostUpdateResponse[] = [];
        for (let round = 0; round < 3; round++) {
          const writers = startWriters(server.url, 8, round);
          // Killed in mid-stream, however slow the machine: once writes have been acknowledged.
          await expect
            .poll(() => writers.acknowledged.length, { timeout: 20_000, interval: 20 })
            .toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);
          await server.crash();
          await writers.stop();
          acknowledged.push(...writers.acknowledged);
          server = await spawn(server.port);
        }
        expect(acknowledged.length).toBeGreaterThanOrEqual(3 * ACKNOWLEDGED_BEFORE_KILL);

        const stored = await allUpdates(server.url);
        const headlines = stored.map((u) => u.headline);
        for (const ack of acknowledged) {
          expect(headlines.filter((h) => h === ack.update.headline)).toHaveLength(1);
          expect(stored.find((u) => u.id === ack.update.id)?.seq).toBe(ack.update.seq);
        }
        // Only the writers wrote since the first: their updates hold every seq from there to the log's last.
        const written = stored.filter((u) => u.headline.startsWith('Round '));
        const seqs = written.map((u) => u.seq);
        const first = seqs[0] ?? 0;
        expect(seqs).toEqual(seqs.map((_, i) => first + i));

        const { body: snapshot } = await request<Snapshot>(`${server.url}/api/snapshot`);
        expect(seqs.at(-1)).toBe(snapshot.seq);
        await dashboard.until(() => dashboard.lastSeq === snapshot.seq, 15_000, 'the dashboard to catch up');
        const { body: detail } = await request<TreatyDetailResponse>(`${server.url}/api/treaties/npt`);
        expect(detail.treaty.version).toBe(snapshot.treaties.find((t) => t.id === 'npt')?.version);
        // The projection the crashes left equals the board folded afresh from the log.
        const { body: rebuilt } = await request<Snapshot>(
          `${server.url}/api/snapshot?asOf=${encodeURIComponent(new Date().toISOString())}`,
        );
        expect(rebuilt.treaties).toEqual(snapshot.treaties);
        expect(rebuilt.updates).toEqual(snapshot.updates);
      },
    );

    it('starts again without seeding twice or writing to the log', async () => {
      if (!server) throw new Error('no server');
      const before = await request<Snapshot>(`${server.url}/api/snapshot`);
      await server.stop();
      server = await spawn(server.port);
      const after = await request<Snapshot>(`${server.url}/api/snapshot`);
      expect(after.body.seq).toBe(before.body.seq);
      expect(after.body.treaties).toEqual(before.body.treaties);
      expect(after.body.treaties).toHaveLength(10);
    });
  });
}

crashes('SQLite', async () => ({ env: {}, remove: async () => undefined }));

crashes(
  'PostgreSQL',
  async () => {
    const pg = await pgTestStore();
    await pg.store.close();
    return { env: { DATABASE_URL: urlForSchema(pg.schema) }, remove: pg.remove };
  },
  !DATABASE_URL,
);
