import { describe, expect, it } from 'vitest';
import type {
  CreateTokenResponse,
  PostUpdateResponse,
  Problem,
  ScheduledListResponse,
  ScheduledResponse,
  Snapshot,
  TreatyDetailResponse,
  UpdatesResponse,
} from '@treaty-watch/shared';
import { openSqliteStore } from '../../server/src/store/sqlite/sqlite-store';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { testClock } from '../support/test-clock';
import { useServer } from '../support/use-server';

const clock = testClock();
const board = useServer({ now: clock.now });
const inMs = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

/** Moves the server's clock past `at` and runs the due work a second would have. */
async function passTime(at: string, beyond = 1000) {
  clock.advance(Date.parse(at) - clock.now().getTime() + beyond);
  await board.server.app.dueWork.check();
}

const get = <T>(path: string, token: string | null = null) => board.api.get<T>(path, { token });
const post = <T>(path: string, body: unknown = {}) => board.api.post<T>(path, body);
const postUpdate = <T>(treatyId: string, body: unknown) => board.api.post<T>(`/api/treaties/${treatyId}/updates`, body);

async function schedule(treatyId: string, body: Record<string, unknown>) {
  const response = await postUpdate<ScheduledResponse>(treatyId, body);
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  return response;
}

/** Everything a reader could look at, searched for one headline. */
async function visibleAnywhere(headline: string): Promise<string[]> {
  const places: string[] = [];
  const snapshot = await get<Snapshot>('/api/snapshot');
  if (JSON.stringify(snapshot.body).includes(headline)) places.push('snapshot');
  const detail = await get<TreatyDetailResponse>('/api/treaties/new-start');
  if (JSON.stringify(detail.body).includes(headline)) places.push('treaty detail');
  const updates = await get<UpdatesResponse>('/api/updates?after=0&limit=500');
  if (JSON.stringify(updates.body).includes(headline)) places.push('updates');
  for (const feed of ['/feeds/updates.atom', '/feeds/updates.json', '/feeds/treaties/new-start.atom']) {
    if ((await (await fetch(`${board.server.url}${feed}`)).text()).includes(headline)) places.push(feed);
  }
  return places;
}

describe('an embargoed update', () => {
  it('is hidden from readers, listed to editors, then published and broadcast exactly once at its time', async () => {
    const dashboard = board.connect();
    await dashboard.until(() => dashboard.snapshots.length === 1);
    const headline = 'Embargoed: delegations agree to meet in Geneva';
    const publishAt = inMs(4000);
    const { body, headers } = await schedule('new-start', { headline, publishAt });
    expect(body.scheduled).toMatchObject({
      headline,
      treatyId: 'new-start',
      publishAt,
      occurredAt: publishAt,
      state: 'scheduled',
      author: 'admin',
    });
    expect(headers.get('location')).toBe(`/api/scheduled/${body.scheduled.id}`);

    expect(await visibleAnywhere(headline)).toEqual([]);
    expect((await get('/api/scheduled')).status).toBe(401);
    const listed = await get<ScheduledListResponse>('/api/scheduled?state=scheduled', ADMIN_TOKEN);
    expect(listed.body.scheduled.map((s) => s.id)).toContain(body.scheduled.id);
    expect(dashboard.changes).toEqual([]);

    await passTime(publishAt);
    await dashboard.until(() => dashboard.changes.some((c) => c.update?.headline === headline), 5000, 'the embargoed update');
    const change = dashboard.changes.find((c) => c.update?.headline === headline);
    expect(change).toMatchObject({ kind: 'update.posted', update: { id: body.scheduled.id, occurredAt: publishAt } });
    expect(Date.parse(change?.update?.publishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(publishAt));
    expect(await visibleAnywhere(headline)).toEqual(
      expect.arrayContaining(['snapshot', 'treaty detail', 'updates', '/feeds/updates.atom']),
    );

    const after = await get<ScheduledResponse>(`/api/scheduled/${body.scheduled.id}`, ADMIN_TOKEN);
    expect(after.body.scheduled).toMatchObject({ state: 'published', publishedSeq: change?.seq });
    clock.advance(5000);
    await board.server.app.dueWork.check();
    expect(dashboard.changes.filter((c) => c.update?.headline === headline)).toHaveLength(1);
  });

  it('can be cancelled before its time, and then never appears', async () => {
    const headline = 'Embargoed and then withdrawn';
    const publishAt = inMs(2500);
    const { body } = await schedule('new-start', { headline, publishAt });
    const cancelled = await post<ScheduledResponse>(`/api/scheduled/${body.scheduled.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.scheduled).toMatchObject({ state: 'cancelled', cancelledBy: 'admin' });
    await passTime(publishAt);
    expect(await visibleAnywhere(headline)).toEqual([]);
    const again = await post<Problem>(`/api/scheduled/${body.scheduled.id}/cancel`);
    expect(again.status).toBe(409);
  });

  it('is published at start when its time came while the server was down, and only once', async () => {
    const headline = 'Embargo that ran out during maintenance';
    const publishAt = inMs(1500);
    const { body } = await schedule('new-start', { headline, publishAt });
    await board.server.stop();
    // Still under embargo when the server went down, so it is the start that publishes it.
    const stored = openSqliteStore(board.server.dataDir);
    expect((await stored.getScheduled(body.scheduled.id))?.state).toBe('scheduled');
    await stored.close();
    clock.advance(Date.parse(publishAt) - clock.now().getTime() + 300);
    await board.server.start();
    const seq = (await get<Snapshot>('/api/snapshot')).body.seq;
    expect(await visibleAnywhere(headline)).toContain('treaty detail');
    await board.server.restart();
    expect((await get<Snapshot>('/api/snapshot')).body.seq).toBe(seq);
    const detail = await get<TreatyDetailResponse>('/api/treaties/new-start');
    expect(detail.body.updates.filter((u) => u.headline === headline)).toHaveLength(1);
  });

  it('is refused at its time, and says why, when the status it sets no longer fits', async () => {
    const publishAt = inMs(2500);
    const { body } = await schedule('open-skies', { headline: 'Parties suspend the treaty', status: 'suspended', publishAt });
    const abandoned = await postUpdate<PostUpdateResponse>('open-skies', {
      headline: 'Remaining parties terminate it',
      status: 'abandoned',
    });
    expect(abandoned.status).toBe(201);
    await passTime(publishAt);
    const after = await get<ScheduledResponse>(`/api/scheduled/${body.scheduled.id}`, ADMIN_TOKEN);
    expect(after.body.scheduled.state).toBe('failed');
    expect(after.body.scheduled.failure).toContain('cannot go from abandoned to suspended');
    const detail = await get<TreatyDetailResponse>('/api/treaties/open-skies');
    expect(detail.body.treaty.status).toBe('abandoned');
    expect(detail.body.updates.some((u) => u.headline === 'Parties suspend the treaty')).toBe(false);
  });

  it('is shown only to editors whose token covers its treaty', async () => {
    const { body } = await schedule('inf', { headline: 'INF desk only', publishAt: inMs(60_000) });
    const desk = await post<CreateTokenResponse>('/api/tokens', { role: 'editor', name: 'npt desk', treaties: ['npt'] });
    const seen = await get<ScheduledListResponse>('/api/scheduled', desk.body.token);
    expect(seen.body.scheduled.some((s) => s.id === body.scheduled.id)).toBe(false);
    expect((await get(`/api/scheduled/${body.scheduled.id}`, desk.body.token)).status).toBe(404);
    const cancel = await board.api.post<Problem>(`/api/scheduled/${body.scheduled.id}/cancel`, {}, { token: desk.body.token });
    // Another desk's embargo is not even said to exist.
    expect(cancel.status).toBe(404);
  });

  it.each([
    ['a malformed publishAt', { headline: 'x', publishAt: 'tomorrow' }, 'publishAt'],
    ['a publishAt more than a year ahead', { headline: 'x', publishAt: inMs(400 * 24 * 3600 * 1000) }, 'publishAt'],
    ['an occurredAt after publishAt', { headline: 'x', publishAt: inMs(60_000), occurredAt: inMs(3_600_000) }, 'occurredAt'],
    ['a publishAt an hour gone (a wrong time zone)', { headline: 'x', publishAt: inMs(-3_600_000) }, 'publishAt'],
  ])('refuses %s, naming the field, and stores nothing', async (_what, body, field) => {
    const before = (await get<ScheduledListResponse>('/api/scheduled', ADMIN_TOKEN)).body.scheduled.length;
    const response = await postUpdate<Problem>('new-start', body);
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toContain(field);
    expect((await get<ScheduledListResponse>('/api/scheduled', ADMIN_TOKEN)).body.scheduled.length).toBe(before);
  });

  it('publishes at once when publishAt passed only moments ago', async () => {
    const response = await postUpdate<PostUpdateResponse>('npt', { headline: 'Sent a little late', publishAt: inMs(-5000) });
    expect(response.status).toBe(201);
    expect(response.body.update.headline).toBe('Sent a little late');
  });

  it('refuses an impossible status when it is scheduled, not only when it falls due', async () => {
    const response = await postUpdate<Problem>('inf', { headline: 'x', status: 'in_force', publishAt: inMs(60_000) });
    expect(response.status).toBe(409);
    expect(response.body.allowed).toEqual([]);
  });
});
