import { describe, expect, it } from 'vitest';
import type { PostUpdateResponse, Problem, TreatyDetailResponse } from '@treaty-watch/shared';
import { request } from '../support/api-client';
import { useServer } from '../support/use-server';

const board = useServer();

describe('correcting an update', () => {
  it('changes the wording, keeps the earlier one and tells every dashboard', async () => {
    const { body: posted } = await board.api.postUpdate<PostUpdateResponse>('npt', {
      headline: 'Review conference opens in New Yrok',
      sourceUrl: 'https://example.org/a',
    });
    const dashboard = board.connect();
    await dashboard.until(() => dashboard.snapshots.length === 1);

    const { status, body } = await board.api.patch<PostUpdateResponse>(`/api/updates/${posted.update.id}`, {
      headline: 'Review conference opens in New York',
    });
    expect(status).toBe(200);
    expect(body.update.headline).toBe('Review conference opens in New York');
    expect(body.update.sourceUrl).toBe('https://example.org/a');
    expect(body.update.correctedAt).toBeDefined();
    expect(body.update.revisions).toEqual([
      expect.objectContaining({ headline: 'Review conference opens in New Yrok', replacedBy: 'admin' }),
    ]);

    await dashboard.until(() => dashboard.changes.length === 1, 2000, 'the correction');
    expect(dashboard.changes[0]).toMatchObject({ kind: 'update.corrected', update: { id: posted.update.id } });

    const { body: detail } = await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/npt`);
    expect(detail.updates.find((u) => u.id === posted.update.id)?.headline).toBe('Review conference opens in New York');
  });

  it.each([
    ['an empty correction', {}, 400],
    ['a correction that changes nothing', { headline: 'Unchanged headline' }, 400],
    ['a status in a correction', { status: 'expired' }, 400],
    ['a non-http source', { sourceUrl: 'javascript:void(0)' }, 400],
  ])('refuses %s', async (_what, correction, status) => {
    const { body: posted } = await board.api.postUpdate<PostUpdateResponse>('npt', { headline: 'Unchanged headline' });
    const response = await board.api.patch<Problem>(`/api/updates/${posted.update.id}`, correction);
    expect(response.status).toBe(status);
    expect(response.contentType).toContain('application/problem+json');
  });

  it('answers 404 for an unknown update and 401 without a token', async () => {
    expect((await board.api.patch('/api/updates/no-such-update', { headline: 'x' })).status).toBe(404);
    expect((await board.api.patch('/api/updates/no-such-update', { headline: 'x' }, { token: null })).status).toBe(401);
  });
});

describe('retracting an update', () => {
  it('keeps it visible with its reason and takes back the status it set', async () => {
    const { body: posted } = await board.api.postUpdate<PostUpdateResponse>('open-skies', {
      headline: 'Open Skies suspended (wrong: it was a rumour)',
      status: 'suspended',
    });
    expect(posted.treaty.status).toBe('suspended');

    const { status, body } = await board.api.post<PostUpdateResponse>(`/api/updates/${posted.update.id}/retract`, {
      reason: 'Based on an unconfirmed report',
    });
    expect(status).toBe(200);
    expect(body.treaty).toMatchObject({ status: 'in_force', statusSince: '2002-01-01T00:00:00.000Z' });
    expect(body.update).toMatchObject({ retractionReason: 'Based on an unconfirmed report', requestedStatus: 'suspended' });
    expect(body.update.status).toBeUndefined();

    const { body: detail } = await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/open-skies`);
    expect(detail.treaty.status).toBe('in_force');
    expect(detail.updates.find((u) => u.id === posted.update.id)?.retractedAt).toBeDefined();
  });

  it('refuses to retract twice, to correct a retracted update, or to retract without a reason', async () => {
    const { body: posted } = await board.api.postUpdate<PostUpdateResponse>('npt', { headline: 'To be retracted' });
    expect((await board.api.post(`/api/updates/${posted.update.id}/retract`, { reason: '' })).status).toBe(400);
    expect((await board.api.post(`/api/updates/${posted.update.id}/retract`, { reason: 'Duplicate' })).status).toBe(200);
    expect((await board.api.post(`/api/updates/${posted.update.id}/retract`, { reason: 'Again' })).status).toBe(409);
    expect((await board.api.patch(`/api/updates/${posted.update.id}`, { headline: 'Fixed' })).status).toBe(409);
  });
});
