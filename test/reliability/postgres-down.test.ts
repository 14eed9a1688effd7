import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, Snapshot, TreatiesResponse, TreatyDetailResponse, UpdatesResponse } from '@treaty-watch/shared';
import { openPgStore } from '../../server/src/store/postgres/pg-store';
import { postUpdate, request } from '../support/api-client';
import { startServer, type TestServer } from '../support/in-process-server';
import { DATABASE_URL, pgTestStore, POSTGRES_MISSING } from '../support/stores';
import { Plug } from '../support/tcp-plug';

if (!DATABASE_URL) process.stdout.write(`${POSTGRES_MISSING}\n`);

describe.skipIf(!DATABASE_URL)('a PostgreSQL that stops answering', () => {
  let server: TestServer;
  let plug: Plug;
  let port: number;
  let removeSchema: () => Promise<void>;

  beforeAll(async () => {
    const pg = await pgTestStore();
    await pg.store.close();
    removeSchema = pg.remove;
    const target = new URL(DATABASE_URL ?? '');
    plug = new Plug(target, 5432);
    port = await plug.open();
    const viaPlug = new URL(target);
    viaPlug.port = String(port);
    server = await startServer({ store: () => openPgStore(viaPlug.toString(), { schema: pg.schema }) });
  });
  afterAll(async () => {
    await server?.close();
    await plug?.pull().catch(() => undefined);
    await removeSchema?.();
  });

  it('refuses writes with a clear 503, keeps serving the board and the pages and feeds read since the latest change, and loses nothing', async () => {
    const before = (await request<Snapshot>(`${server.url}/api/snapshot`)).body;
    const page = await request<TreatyDetailResponse>(`${server.url}/api/treaties/npt`);
    const feed = await fetch(`${server.url}/feeds/updates.atom`);
    const feedText = await feed.text();
    const latest = await request<UpdatesResponse>(`${server.url}/api/updates?after=0&limit=20`);
    await plug.pull();

    // What was read since the latest change is still true: nothing can be written meanwhile.
    const pageNow = await request<TreatyDetailResponse>(`${server.url}/api/treaties/npt`);
    expect(pageNow.status).toBe(200);
    expect(pageNow.body).toEqual(page.body);
    const feedNow = await fetch(`${server.url}/feeds/updates.atom`);
    expect(feedNow.status).toBe(200);
    expect(await feedNow.text()).toBe(feedText);
    expect((await fetch(`${server.url}/feeds/updates.atom`, { headers: { 'if-none-match': feed.headers.get('etag') ?? '' } })).status).toBe(304);
    expect((await request<UpdatesResponse>(`${server.url}/api/updates?after=0&limit=20`)).body).toEqual(latest.body);
    // A read with no answer to fall back on says so, and when to try again.
    const unread = await request<Problem>(`${server.url}/api/treaties/inf`);
    expect(unread.status).toBe(503);
    expect(unread.contentType).toContain('application/problem+json');

    const refused = await postUpdate<Problem>(server.url, 'npt', { headline: 'While the database is down' });
    expect(refused.status).toBe(503);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('5');
    const board = await request<Snapshot>(`${server.url}/api/snapshot`);
    expect(board.status).toBe(200);
    expect(board.body.treaties).toEqual(before.treaties);
    expect((await request<TreatiesResponse>(`${server.url}/api/treaties`)).body.seq).toBe(before.seq);
    expect((await request(`${server.url}/readyz`)).status).toBe(503);

    await plug.open(port);
    let after: Awaited<ReturnType<typeof postUpdate>> | undefined;
    for (let i = 0; i < 20 && after?.status !== 201; i++) {
      after = await postUpdate(server.url, 'npt', { headline: 'Once it is back' });
      if (after.status !== 201) await new Promise((r) => setTimeout(r, 250));
    }
    expect(after?.status).toBe(201);
    const now = (await request<Snapshot>(`${server.url}/api/snapshot`)).body;
    expect(now.seq).toBe(before.seq + 1);
    expect(now.updates[0]?.headline).toBe('Once it is back');
    await expect.poll(async () => (await request<TreatyDetailResponse>(`${server.url}/api/treaties/npt`)).body.updates[0]?.headline).toBe('Once it is back');
  });
});
