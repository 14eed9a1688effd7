import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, Snapshot, TreatiesResponse, TreatyDetailResponse, UpdatesResponse } from '@treaty-watch/shared';
import { openPgStore } from '../../server/src/store/postgres/pg-store';
import { api } from '../support/api-client';
import { DATABASE_URL, pgSchema, POSTGRES_MISSING } from '../support/stores';
import { Plug } from '../support/tcp-plug';
import { useServer } from '../support/use-server';

if (!DATABASE_URL) process.stdout.write(`${POSTGRES_MISSING}\n`);

describe.skipIf(!DATABASE_URL)('a PostgreSQL that stops answering', () => {
  let plug: Plug;
  let port: number;
  let viaPlug = '';
  let schema = '';
  let removeSchema: () => Promise<void>;

  beforeAll(async () => {
    const pg = await pgSchema();
    removeSchema = pg.remove;
    const target = new URL(DATABASE_URL ?? '');
    plug = new Plug(target, 5432);
    port = await plug.open();
    const url = new URL(target);
    url.port = String(port);
    viaPlug = url.toString();
    schema = pg.schema;
  });
  // Registered before the server's hooks: the server closes before the plug and the schema go.
  afterAll(async () => {
    /* eslint-disable @typescript-eslint/no-unnecessary-condition -- unset if beforeAll failed before assigning these */
    await plug?.pull().catch(() => undefined);
    await removeSchema?.();
    /* eslint-enable @typescript-eslint/no-unnecessary-condition */
  });
  const served = useServer({ store: () => openPgStore(viaPlug, { schema }) });
  /** As a reader's browser asks: without a token. */
  const reader = () => api(served.server, { token: null });

  it('refuses writes with a clear 503, keeps serving the board and the pages and feeds read since the latest change, and loses nothing', async () => {
    const before = (await reader().get<Snapshot>('/api/snapshot')).body;
    const page = await reader().get<TreatyDetailResponse>('/api/treaties/npt');
    const feed = await fetch(`${served.server.url}/feeds/updates.atom`);
    const feedText = await feed.text();
    const latest = await reader().get<UpdatesResponse>('/api/updates?after=0&limit=20');
    await plug.pull();

    // What was read since the latest change is still true: nothing can be written meanwhile.
    const pageNow = await reader().get<TreatyDetailResponse>('/api/treaties/npt');
    expect(pageNow.status).toBe(200);
    expect(pageNow.body).toEqual(page.body);
    const feedNow = await fetch(`${served.server.url}/feeds/updates.atom`);
    expect(feedNow.status).toBe(200);
    expect(await feedNow.text()).toBe(feedText);
    expect(
      (await fetch(`${served.server.url}/feeds/updates.atom`, { headers: { 'if-none-match': feed.headers.get('etag') ?? '' } })).status,
    ).toBe(304);
    expect((await reader().get<UpdatesResponse>('/api/updates?after=0&limit=20')).body).toEqual(latest.body);
    // A read with no answer to fall back on says so, and when to try again.
    const unread = await reader().get<Problem>('/api/treaties/inf');
    expect(unread.status).toBe(503);
    expect(unread.contentType).toContain('application/problem+json');

    const refused = await served.api.postUpdate<Problem>('npt', { headline: 'While the database is down' });
    expect(refused.status).toBe(503);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('5');
    const board = await reader().get<Snapshot>('/api/snapshot');
    expect(board.status).toBe(200);
    expect(board.body.treaties).toEqual(before.treaties);
    expect((await reader().get<TreatiesResponse>('/api/treaties')).body.seq).toBe(before.seq);
    expect((await reader().get('/readyz')).status).toBe(503);

    await plug.open(port);
    // The pool finds its way back within a few tries; the first that goes through is the one write.
    await expect
      .poll(async () => (await served.api.postUpdate('npt', { headline: 'Once it is back' })).status, { timeout: 5000, interval: 250 })
      .toBe(201);
    const now = (await reader().get<Snapshot>('/api/snapshot')).body;
    expect(now.seq).toBe(before.seq + 1);
    expect(now.updates[0]?.headline).toBe('Once it is back');
    await expect
      .poll(async () => (await reader().get<TreatyDetailResponse>('/api/treaties/npt')).body.updates[0]?.headline)
      .toBe('Once it is back');
  });
});
