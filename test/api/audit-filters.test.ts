import { describe, expect, it } from 'vitest';
import type { AuditResponse, CreateTokenResponse, PostUpdateResponse, Problem } from '@treaty-watch/shared';
import { useServer } from '../support/use-server';

const board = useServer();
const audit = (query: string) => board.api.get<AuditResponse & Problem>(`/api/audit?${query}`);

describe('GET /api/audit filters', () => {
  it('by token, treaty and kind, and pages with before', async () => {
    const desk = await board.api.post<CreateTokenResponse>('/api/tokens', { role: 'editor', name: 'filter-desk' });
    const npt = await board.api.postUpdate<PostUpdateResponse>('npt', { headline: 'NPT by the desk' }, { token: desk.body.token });
    await board.api.postUpdate('inf', { headline: 'INF by the desk' }, { token: desk.body.token });
    await board.api.postUpdate('npt', { headline: 'NPT by the admin' });
    await board.api.post(`/api/updates/${npt.body.update.id}/retract`, { reason: 'Wrong' });

    const byToken = await audit(`token=${desk.body.info.id}`);
    expect(byToken.body.entries.map((e) => [e.actor, e.action])).toEqual([
      ['filter-desk', 'update.posted'],
      ['filter-desk', 'update.posted'],
    ]);
    const byTreaty = await audit('treaty=npt');
    expect(byTreaty.body.entries.map((e) => [e.actor, e.action])).toEqual([
      ['admin', 'update.retracted'],
      ['admin', 'update.posted'],
      ['filter-desk', 'update.posted'],
    ]);
    const byKind = await audit('kind=token.created');
    expect(byKind.body.entries.map((e) => e.target)).toEqual([desk.body.info.id]);
    const both = await audit(`treaty=npt&token=${desk.body.info.id}&kind=update.posted`);
    expect(both.body.entries).toHaveLength(1);
    const first = await audit('treaty=npt&limit=2');
    const next = await audit(`treaty=npt&limit=2&before=${first.body.entries[1]?.id}`);
    expect(next.body.entries.map((e) => e.action)).toEqual(['update.posted']);
  });

  it('refuses hostile filter values with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['kind=nope', 'kind'],
      ['treaty=NPT', 'treaty'],
      ['treaty=%00', 'treaty'],
      [`token=${'x'.repeat(500)}`, 'token'],
      ['token=a%20b', 'token'],
      ['token=a&token=b', 'token'],
    ] as const) {
      const answer = await audit(query);
      expect([answer.status, answer.body.errors?.[0]?.field], query.slice(0, 40)).toEqual([400, field]);
    }
  });
});
