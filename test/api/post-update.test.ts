import { describe, expect, it } from 'vitest';
import {
  postUpdateResponseSchema,
  type PostUpdateResponse,
  type Problem,
  type Snapshot,
  type TreatyDetailResponse,
} from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { useServer } from '../support/use-server';

const board = useServer();

describe('posting an update', () => {
  it('returns 201 with the update and the treaty, and the board shows it', async () => {
    const before = await request<Snapshot>(`${board.server.url}/api/snapshot`);
    const { status, body, headers } = await postUpdate<PostUpdateResponse>(board.server.url, 'open-skies', {
      headline: 'Remaining parties hold a review conference',
      body: 'Plain text body.',
      sourceUrl: 'https://example.org/open-skies',
    });
    expect(status).toBe(201);
    expect(headers.get('location')).toBe('/api/treaties/open-skies');
    postUpdateResponseSchema.parse(body);
    expect(body.update).toMatchObject({ treatyId: 'open-skies', author: 'admin', seq: before.body.seq + 1 });
    expect(body.update.status).toBeUndefined();
    expect(body.treaty.version).toBeGreaterThan(before.body.treaties.find((t) => t.id === 'open-skies')?.version ?? 0);

    const detail = await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/open-skies`);
    expect(detail.body.updates[0]?.headline).toBe('Remaining parties hold a review conference');
  });

  it('changes the status, records the previous one and moves "since"', async () => {
    const { status, body } = await postUpdate<PostUpdateResponse>(board.server.url, 'tpnw', {
      headline: 'States parties suspend the treaty',
      status: 'suspended',
      occurredAt: '2026-11-20T09:30:00Z',
    });
    expect(status).toBe(201);
    expect(body.update).toMatchObject({ status: 'suspended', previousStatus: 'in_force', occurredAt: '2026-11-20T09:30:00.000Z' });
    expect(body.treaty).toMatchObject({ status: 'suspended', statusSince: '2026-11-20T09:30:00.000Z' });
  });

  it('treats repeating the current status as no change', async () => {
    const { body } = await postUpdate<PostUpdateResponse>(board.server.url, 'npt', { headline: 'Still in force', status: 'in_force' });
    expect(body.update.status).toBeUndefined();
    expect(body.update.previousStatus).toBeUndefined();
    expect(body.treaty.statusSince).toBe('1970-03-05T00:00:00.000Z');
  });

  it('applies a backdated update in effective order, never over a later-dated status', async () => {
    // CFE has been suspended since 2023-12-07; a note dated 2020 with "in_force" (already its status then) changes nothing today.
    const { status, body } = await postUpdate<PostUpdateResponse>(board.server.url, 'cfe', {
      headline: 'Backdated note from 2020',
      status: 'in_force',
      occurredAt: '2020-01-15T00:00:00Z',
    });
    expect(status).toBe(201);
    expect(body.treaty).toMatchObject({ status: 'suspended', statusSince: '2023-12-07T00:00:00.000Z' });
    expect(body.update.status).toBeUndefined();
  });

  it('refuses a backdated status its later record contradicts, and changes nothing', async () => {
    const suspended = await postUpdate<PostUpdateResponse>(board.server.url, 'open-skies', {
      headline: 'Remaining parties suspend it',
      status: 'suspended',
    });
    expect(suspended.status).toBe(201);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const before = (await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/open-skies`)).body;
    const { status, body } = await postUpdate<Problem>(board.server.url, 'open-skies', {
      headline: 'It ended yesterday',
      status: 'abandoned',
      occurredAt: yesterday,
    });
    expect(status).toBe(409);
    expect(body.type).toBe('/problems/invalid-transition');
    expect(body.detail).toMatch(/would then go from abandoned to suspended/);
    expect((await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/open-skies`)).body).toEqual(before);
  });

  it('accepts text that looks like markup and returns it unchanged, as text', async () => {
    const headline = '<img src=x onerror=alert(1)> & "quotes"';
    const { status, body } = await postUpdate<PostUpdateResponse>(board.server.url, 'ctbt', { headline });
    expect(status).toBe(201);
    expect(body.update.headline).toBe(headline);
  });
});
