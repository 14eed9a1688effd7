import { describe, expect, it } from 'vitest';
import {
  snapshotSchema,
  treatiesResponseSchema,
  treatyDetailResponseSchema,
  updatesResponseSchema,
  type Snapshot,
  type TreatiesResponse,
  type TreatyDetailResponse,
  type UpdatesResponse,
} from '@treaty-watch/shared';
import { request } from '../support/api-client';
import { useServer } from '../support/use-server';

const board = useServer();

describe('the seeded board', () => {
  it('lists the ten treaties of the fact sheet with the statuses its README tables', async () => {
    const { status, body } = await request<TreatiesResponse>(`${board.server.url}/api/treaties`);
    expect(status).toBe(200);
    treatiesResponseSchema.parse(body);
    const byId = Object.fromEntries(body.treaties.map((t) => [t.id, [t.status, t.statusSince.slice(0, 10)]]));
    expect(byId).toEqual({
      inf: ['abandoned', '2019-08-02'],
      'new-start': ['expired', '2026-02-05'],
      'open-skies': ['in_force', '2002-01-01'],
      abm: ['abandoned', '2002-06-13'],
      ctbt: ['signed', '1996-09-24'],
      npt: ['in_force', '1970-03-05'],
      cfe: ['suspended', '2023-12-07'],
      tpnw: ['in_force', '2021-01-22'],
      'start-i': ['expired', '2009-12-05'],
      sort: ['expired', '2011-02-05'],
    });
  });

  it('keeps New START in force through the last day of its term', async () => {
    const { body } = await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/new-start`);
    expect(body.treaty.expiresAt).toBe('2026-02-05T23:59:59.999Z');
    expect(body.treaty.statusSince).toBe('2026-02-05T23:59:59.999Z');
    expect(body.treaty.inForceAt).toBe('2011-02-05T00:00:00.000Z');
    expect(body.treaty.signedAt).toBe('2010-04-08T00:00:00.000Z');
  });

  it('shows a treaty with its whole history, newest first, each with its source', async () => {
    const { status, body } = await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/inf`);
    expect(status).toBe(200);
    treatyDetailResponseSchema.parse(body);
    expect(body.updates).toHaveLength(14);
    const dates = body.updates.map((u) => u.occurredAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(body.updates.every((u) => u.sourceUrl?.startsWith('http'))).toBe(true);
    const withdrawal = body.updates.find((u) => u.occurredAt.startsWith('2019-08-02'));
    expect(withdrawal).toMatchObject({ status: 'abandoned', previousStatus: 'withdrawal_pending' });
    const kommersant = body.updates.find((u) => u.occurredAt.startsWith('2019-09-19'));
    expect(kommersant?.body).toMatch(/only from Kommersant/);
  });

  it('answers an unknown treaty with a 404 problem', async () => {
    const { status, contentType, body } = await request(`${board.server.url}/api/treaties/warsaw-pact`);
    expect(status).toBe(404);
    expect(contentType).toContain('application/problem+json');
    expect(body).toMatchObject({ type: '/problems/not-found', status: 404 });
  });

  it('serves a snapshot of the latest 50 updates, newest first, with the log seq', async () => {
    const { body } = await request<Snapshot>(`${board.server.url}/api/snapshot`);
    snapshotSchema.parse(body);
    expect(body.treaties).toHaveLength(10);
    expect(body.updates).toHaveLength(50);
    const seqs = body.updates.map((u) => u.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(body.seq).toBeGreaterThanOrEqual(seqs[0] ?? 0);
  });

  it('pages updates after a seq, in seq order', async () => {
    const first = await request<UpdatesResponse>(`${board.server.url}/api/updates?limit=5`);
    updatesResponseSchema.parse(first.body);
    expect(first.body.updates).toHaveLength(5);
    const last = first.body.updates.at(-1)?.seq ?? 0;
    const next = await request<UpdatesResponse>(`${board.server.url}/api/updates?after=${last}&limit=5`);
    expect(next.body.updates[0]?.seq).toBeGreaterThan(last);
    const seqs = [...first.body.updates, ...next.body.updates].map((u) => u.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it.each([
    ['after=-1', 'after'],
    ['limit=0', 'limit'],
    ['limit=100000', 'limit'],
    ['after=abc', 'after'],
    ['cursor=3', 'cursor'],
  ])('refuses ?%s with a 400 naming the field %s', async (query, field) => {
    const { status, body } = await request<{ errors: { field: string }[] }>(`${board.server.url}/api/updates?${query}`);
    expect(status).toBe(400);
    expect(body.errors.map((e) => e.field)).toContain(field);
  });

  it('answers liveness and an unknown API route', async () => {
    expect((await request(`${board.server.url}/healthz`)).body).toEqual({ status: 'ok' });
    const missing = await request(`${board.server.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(missing.contentType).toContain('application/problem+json');
  });
});
