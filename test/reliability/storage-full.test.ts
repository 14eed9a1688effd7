import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostUpdateResponse, Problem, Snapshot, TreatiesResponse } from '@treaty-watch/shared';
import { openSqliteStore } from '../../server/src/store/sqlite/sqlite-store';
import { postUpdate, request } from '../support/api-client';
import { startServer, type TestServer } from '../support/in-process-server';
import { tempDir } from '../support/temp-dir';

const data = tempDir('full');
let server: TestServer;

beforeAll(async () => {
  // Seed on a first start, then reopen the same database unable to grow: a full disk.
  const first = await startServer({ dataDir: data.dir });
  await first.close();
  server = await startServer({ dataDir: data.dir, store: () => openSqliteStore(data.dir, { noGrowth: true }) });
});
afterAll(async () => {
  await server.close();
  data.remove();
});

describe('a database that cannot grow', () => {
  it('refuses writes with a clear 503, keeps serving reads, and stores nothing half-written', async () => {
    const before = (await request<TreatiesResponse>(`${server.url}/api/treaties`)).body.seq;
    const acknowledged: PostUpdateResponse[] = [];
    let refused: Awaited<ReturnType<typeof postUpdate<Problem>>> | undefined;
    for (let i = 0; i < 500 && !refused; i++) {
      const response = await postUpdate<PostUpdateResponse & Problem>(server.url, 'npt', { headline: `Filling ${i}`, body: 'x'.repeat(4000) });
      if (response.status === 201) acknowledged.push(response.body);
      else refused = response;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.contentType).toContain('application/problem+json');
    expect(refused?.body.title).toMatch(/cannot take writes/);
    expect(refused?.headers.get('retry-after')).toBe('5');

    const treaties = await request<TreatiesResponse>(`${server.url}/api/treaties`);
    expect(treaties.status).toBe(200);
    const lastSeq = acknowledged.at(-1)?.update.seq ?? before;
    expect(treaties.body.seq).toBe(lastSeq);

    const { body: live } = await request<Snapshot>(`${server.url}/api/snapshot`);
    const { body: rebuilt } = await request<Snapshot>(`${server.url}/api/snapshot?asOf=${encodeURIComponent(new Date().toISOString())}`);
    expect(rebuilt.treaties).toEqual(live.treaties);
    expect(live.updates[0]?.seq).toBe(lastSeq);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(Number(/^treaty_watch_store_errors_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
  });
});
