import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostUpdateResponse, Problem, Snapshot, TreatiesResponse } from '@treaty-watch/shared';
import { openSqliteStore } from '../../server/src/store/sqlite/sqlite-store';
import type { JsonResponse } from '../support/api-client';
import { metricOf } from '../support/metrics';
import { tempDir } from '../support/temp-dir';
import { useServer } from '../support/use-server';

const data = tempDir('full');
// Registered before the server's own hooks, so it runs after the server has closed.
afterAll(() => data.remove());
const board = useServer({ dataDir: data.dir });

beforeAll(async () => {
  // Seeded on the first start; now the same database again, unable to grow: a full disk.
  await board.server.stop();
  await board.server.start({ store: () => openSqliteStore(data.dir, { noGrowth: true }) });
});

describe('a database that cannot grow', () => {
  it('refuses writes with a clear 503, keeps serving reads, and stores nothing half-written', async () => {
    const before = (await board.api.get<TreatiesResponse>('/api/treaties')).body.seq;
    const acknowledged: PostUpdateResponse[] = [];
    let refused: JsonResponse<Problem> | undefined;
    for (let i = 0; i < 500 && !refused; i++) {
      const response = await board.api.postUpdate<PostUpdateResponse & Problem>('npt', {
        headline: `Filling ${i}`,
        body: 'x'.repeat(4000),
      });
      if (response.status === 201) acknowledged.push(response.body);
      else refused = response;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.contentType).toContain('application/problem+json');
    expect(refused?.body.title).toMatch(/cannot take writes/);
    expect(refused?.headers.get('retry-after')).toBe('5');

    const treaties = await board.api.get<TreatiesResponse>('/api/treaties');
    expect(treaties.status).toBe(200);
    const lastSeq = acknowledged.at(-1)?.update.seq ?? before;
    expect(treaties.body.seq).toBe(lastSeq);

    const { body: live } = await board.api.get<Snapshot>('/api/snapshot');
    const { body: rebuilt } = await board.api.get<Snapshot>(`/api/snapshot?asOf=${encodeURIComponent(new Date().toISOString())}`);
    expect(rebuilt.treaties).toEqual(live.treaties);
    expect(live.updates[0]?.seq).toBe(lastSeq);
    expect(await metricOf(board.server.url, 'treaty_watch_store_errors_total')).toBeGreaterThanOrEqual(1);
  });
});
