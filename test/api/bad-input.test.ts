import { describe, expect, it } from 'vitest';
import { problemSchema, type Problem, type Snapshot } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { useServer } from '../support/use-server';

const served = useServer();

/** The stored board, minus the moment it was read. */
async function board(): Promise<Omit<Snapshot, 'serverTime'>> {
  const { body } = await request<Snapshot>(`${served.server.url}/api/snapshot`);
  const { serverTime: _serverTime, ...rest } = body;
  return rest;
}

interface Case {
  name: string;
  treaty?: string;
  body: unknown;
  token?: string | null;
  contentType?: string;
  status: number;
  fields?: string[];
}

const cases: Case[] = [
  { name: 'headline of the wrong type', body: { headline: 42 }, status: 400, fields: ['headline'] },
  { name: 'missing headline', body: { body: 'text' }, status: 400, fields: ['headline'] },
  { name: 'blank headline', body: { headline: '   ' }, status: 400, fields: ['headline'] },
  { name: 'unknown status', body: { headline: 'x', status: 'dissolved' }, status: 400, fields: ['status'] },
  { name: '10 KB headline', body: { headline: 'x'.repeat(10_000) }, status: 400, fields: ['headline'] },
  { name: 'body over 5,000 characters', body: { headline: 'x', body: 'y'.repeat(5001) }, status: 400, fields: ['body'] },
  { name: 'javascript: source URL', body: { headline: 'x', sourceUrl: 'javascript:alert(1)' }, status: 400, fields: ['sourceUrl'] },
  { name: 'ftp source URL', body: { headline: 'x', sourceUrl: 'ftp://example.org/file' }, status: 400, fields: ['sourceUrl'] },
  { name: 'not a URL', body: { headline: 'x', sourceUrl: 'example dot org' }, status: 400, fields: ['sourceUrl'] },
  { name: 'malformed occurredAt', body: { headline: 'x', occurredAt: '26 October 2020' }, status: 400, fields: ['occurredAt'] },
  { name: 'occurredAt in the future', body: { headline: 'x', occurredAt: '2999-01-01T00:00:00Z' }, status: 400, fields: ['occurredAt'] },
  {
    name: 'occurredAt before the treaty existed',
    body: { headline: 'x', occurredAt: '1950-01-01T00:00:00Z' },
    status: 400,
    fields: ['occurredAt'],
  },
  { name: 'unknown field', body: { headline: 'x', headLine: 'typo' }, status: 400, fields: ['headLine'] },
  {
    name: 'several bad fields at once',
    body: { headline: '', status: 'gone', sourceUrl: 'nope' },
    status: 400,
    fields: ['headline', 'status', 'sourceUrl'],
  },
  { name: 'a JSON array', body: '[1,2]', status: 400 },
  { name: 'a JSON string', body: '"headline"', status: 400 },
  { name: 'invalid JSON', body: '{"headline": ', status: 400 },
  { name: 'unknown treaty', treaty: 'warsaw-pact', body: { headline: 'x' }, status: 404 },
  { name: 'treaty id that is not a slug', treaty: '..%2F..%2Fetc', body: { headline: 'x' }, status: 404 },
  { name: 'no token', body: { headline: 'x' }, token: null, status: 401 },
  { name: 'unknown token', body: { headline: 'x' }, token: 'tw_not-a-real-token', status: 401 },
  { name: 'not JSON', body: 'headline=x', contentType: 'application/x-www-form-urlencoded', status: 415 },
  { name: 'body over 64 KB', body: { headline: 'x', body: 'y'.repeat(70_000) }, status: 413 },
  { name: 'an impossible transition', treaty: 'inf', body: { headline: 'x', status: 'in_force' }, status: 409 },
];

describe('bad input to POST /api/treaties/:id/updates', () => {
  it.each(cases)('$name → $status problem, nothing stored', async (c) => {
    const before = await board();
    const response = c.contentType
      ? await request<Problem>(`${served.server.url}/api/treaties/${c.treaty ?? 'new-start'}/updates`, {
          method: 'POST',
          headers: { 'content-type': c.contentType, authorization: `Bearer ${ADMIN_TOKEN}` },
          body: String(c.body),
        })
      : await postUpdate<Problem>(served.server.url, c.treaty ?? 'new-start', c.body, c.token === undefined ? ADMIN_TOKEN : c.token);

    expect(response.status).toBe(c.status);
    expect(response.contentType).toContain('application/problem+json');
    const problem = problemSchema.parse(response.body);
    expect(problem.status).toBe(c.status);
    expect(problem.title.length).toBeGreaterThan(0);
    if (c.fields) expect(problem.errors?.map((e) => e.field).sort()).toEqual([...c.fields].sort());
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+|SQLITE|sqlite/);
    expect(await board()).toEqual(before);
  });

  it('names the statuses that may follow when a transition is impossible', async () => {
    const { body } = await postUpdate<Problem>(served.server.url, 'inf', { headline: 'x', status: 'in_force' });
    expect(body.type).toBe('/problems/invalid-transition');
    expect(body.allowed).toEqual([]);
    const signed = await postUpdate<Problem>(served.server.url, 'ctbt', { headline: 'x', status: 'suspended' });
    expect(signed.status).toBe(409);
    expect(signed.body.allowed).toEqual(['in_force', 'abandoned']);
    expect(signed.body.detail).toMatch(/CTBT cannot go from signed to suspended/);
  });
});
