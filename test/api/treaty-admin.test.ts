import { describe, expect, it } from 'vitest';
import { treatyResponseSchema, type Problem, type Snapshot, type TreatyResponse } from '@treaty-watch/shared';
import { request } from '../support/api-client';
import { useServer } from '../support/use-server';

const board = useServer();

const draft = {
  id: 'test-treaty',
  name: 'Treaty used by the administration tests',
  shortName: 'Test Treaty',
  category: 'strategic_arms',
  sources: [{ title: 'example.org', url: 'https://example.org/treaty' }],
};

describe('treaty administration', () => {
  it('creates a treaty, shows it live, and refuses to create it twice', async () => {
    const dashboard = board.connect();
    await dashboard.until(() => dashboard.snapshots.length === 1);

    const created = await board.api.post<TreatyResponse>('/api/treaties', draft);
    expect(created.status).toBe(201);
    expect(treatyResponseSchema.parse(created.body).treaty).toMatchObject({ id: 'test-treaty', status: 'negotiating', version: 1 });
    await dashboard.until(() => dashboard.changes.some((c) => c.kind === 'treaty.created'), 2000, 'treaty.created');

    expect((await board.api.post<Problem>('/api/treaties', draft)).status).toBe(409);
    const { body } = await request<Snapshot>(`${board.server.url}/api/snapshot`);
    expect(body.treaties.map((t) => t.id)).toContain('test-treaty');
  });

  it('changes a treaty at the version the editor read, and refuses a stale one', async () => {
    const { headers } = await request(`${board.server.url}/api/treaties/test-treaty`);
    const etag = headers.get('etag') ?? '';
    expect(etag).toBe('"1"');

    const changed = await board.api.patch<TreatyResponse>(
      '/api/treaties/test-treaty',
      { status: 'signed', summary: 'Signed today.' },
      { headers: { 'if-match': etag } },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.treaty).toMatchObject({ status: 'signed', summary: 'Signed today.', version: 2 });

    const stale = await board.api.patch<Problem>(
      '/api/treaties/test-treaty',
      { summary: 'Lost update' },
      { headers: { 'if-match': etag } },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/version 2, not 1/);
  });

  it('needs If-Match, and checks the status against the vocabulary', async () => {
    expect((await board.api.patch<Problem>('/api/treaties/test-treaty', { summary: 'x' })).status).toBe(428);
    const impossible = await board.api.patch<Problem>(
      '/api/treaties/test-treaty',
      { status: 'suspended' },
      { headers: { 'if-match': '"2"' } },
    );
    expect(impossible.status).toBe(409);
    expect(impossible.body.allowed).toEqual(['in_force', 'abandoned']);
  });

  it('dates a change, so the board as of an earlier day does not show it', async () => {
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const asOf = async (daysAgo: number) =>
      (await request<Snapshot>(`${board.server.url}/api/snapshot?asOf=${day(daysAgo).slice(0, 10)}`)).body.treaties.find(
        (t) => t.id === 'npt',
      );
    const version = async () => (await request<TreatyResponse>(`${board.server.url}/api/treaties/npt`)).body.treaty.version;

    const today = await board.api.patch<TreatyResponse>(
      '/api/treaties/npt',
      { summary: 'Changed today' },
      { headers: { 'if-match': `"${await version()}"` } },
    );
    expect(today.status).toBe(200);
    const backdated = await board.api.patch<TreatyResponse>(
      '/api/treaties/npt',
      { parties: 'Changed three days ago', effectiveAt: day(3) },
      { headers: { 'if-match': `"${await version()}"` } },
    );
    expect(backdated.status).toBe(200);

    expect(await asOf(2)).toMatchObject({ parties: 'Changed three days ago' });
    expect((await asOf(2))?.summary).not.toBe('Changed today');
    expect((await asOf(4))?.parties).not.toBe('Changed three days ago');
    expect((await request<Snapshot>(`${board.server.url}/api/snapshot`)).body.treaties.find((t) => t.id === 'npt')).toMatchObject({
      summary: 'Changed today',
      parties: 'Changed three days ago',
    });
  });

  it('clears a dated field with null', async () => {
    const changed = await board.api.patch<TreatyResponse>(
      '/api/treaties/test-treaty',
      { expiresAt: '2030-01-01T23:59:59.999Z' },
      { headers: { 'if-match': '"2"' } },
    );
    expect(changed.status).toBe(200);
    const cleared = await board.api.patch<TreatyResponse>(
      '/api/treaties/test-treaty',
      { expiresAt: null },
      { headers: { 'if-match': '"3"' } },
    );
    expect(cleared.body.treaty.expiresAt).toBeUndefined();
  });

  it('keeps key dates on the treaty, replaces them as a whole, and clears them with null', async () => {
    const current = await request<TreatyResponse>(`${board.server.url}/api/treaties/test-treaty`);
    const version = current.body.treaty.version;
    const keyDates = [{ on: '2031-04-27T00:00:00.000Z', title: 'Review Conference opens' }];
    const set = await board.api.patch<TreatyResponse>(
      '/api/treaties/test-treaty',
      { keyDates },
      { headers: { 'if-match': `"${version}"` } },
    );
    expect(set.status).toBe(200);
    expect(set.body.treaty.keyDates).toEqual(keyDates);
    const bad = await board.api.patch<Problem>(
      '/api/treaties/test-treaty',
      { keyDates: [{ on: '2031-04-27', title: ' ' }] },
      { headers: { 'if-match': `"${version + 1}"` } },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['keyDates.0.on', 'keyDates.0.title']);
    const twice = await board.api.patch<Problem>(
      '/api/treaties/test-treaty',
      { keyDates: [...keyDates, { ...keyDates[0], on: '2031-04-27T00:00:00Z' }] },
      { headers: { 'if-match': `"${version + 1}"` } },
    );
    expect(twice.status).toBe(400);
    expect(twice.body.errors?.map((e) => e.field)).toEqual(['keyDates']);
    const cleared = await board.api.patch<TreatyResponse>(
      '/api/treaties/test-treaty',
      { keyDates: null },
      { headers: { 'if-match': `"${version + 1}"` } },
    );
    expect(cleared.body.treaty.keyDates).toBeUndefined();
  });

  it.each([
    ['id', { ...draft, id: 'Bad Id' }],
    ['category', { ...draft, id: 'other', category: 'cheese' }],
    ['sources.0.url', { ...draft, id: 'other', sources: [{ title: 'x', url: 'javascript:alert(1)' }] }],
    ['status', { ...draft, id: 'other', status: 'expiring' }],
  ])('refuses a treaty with a bad %s', async (field, body) => {
    const response = await board.api.post<Problem>('/api/treaties', body);
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toContain(field);
  });
});
