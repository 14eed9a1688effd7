import { describe, expect, it } from 'vitest';
import type { CreateTokenResponse, PostUpdateResponse, Problem, ScheduledResponse, SearchResponse } from '@treaty-watch/shared';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { useServer } from '../support/use-server';

const board = useServer();

/** A search as a reader makes it, or with `token` as a signed-in desk. */
const search = (params: Record<string, string> | string, token?: string) =>
  board.api.get<SearchResponse & Problem>(`/api/search?${typeof params === 'string' ? params : new URLSearchParams(params)}`, {
    token: token ?? null,
  });
const idsOf = (response: { body: SearchResponse }) => response.body.hits.map((h) => (h.kind === 'update' ? h.update.id : h.scheduled.id));
const marked = (text: string, marks: { start: number; end: number }[]) => marks.map((m) => text.slice(m.start, m.end));

async function editorToken(treaties?: string[]): Promise<string> {
  const created = await board.api.post<CreateTokenResponse>('/api/tokens', {
    role: 'editor',
    name: `search desk ${Math.random()}`,
    ...(treaties ? { treaties } : {}),
  });
  expect(created.status).toBe(201);
  return created.body.token;
}

async function post(treatyId: string, body: Record<string, unknown>) {
  const posted = await board.api.postUpdate<PostUpdateResponse>(treatyId, body);
  expect(posted.status, JSON.stringify(posted.body)).toBe(201);
  return posted.body.update;
}

describe('GET /api/search', () => {
  it('finds the 2020-10-26 inspection offer by "Kaliningrad", with the word marked as data', async () => {
    const response = await search({ q: 'Kaliningrad' });
    expect(response.status).toBe(200);
    expect(response.body.terms).toEqual(['kaliningrad']);
    const offer = response.body.hits.find((h) => h.kind === 'update' && h.update.occurredAt.startsWith('2020-10-26'));
    if (offer?.kind !== 'update') throw new Error('the inspection offer was not found');
    expect(offer.retracted).toBe(false);
    expect(marked(offer.update.headline, offer.marks.headline)).toEqual(['Kaliningrad']);
  });

  it('lists newest first, occurredAt then seq, and pages with `before` through every hit exactly once', async () => {
    const whole = await search({ q: 'treaty', limit: '100' });
    const keys = whole.body.hits.map((h) => (h.kind === 'update' ? `${h.update.occurredAt}#${String(h.update.seq).padStart(8, '0')}` : ''));
    expect(keys.length).toBeGreaterThan(4);
    expect(keys).toEqual([...keys].sort().reverse());
    const paged: string[] = [];
    let before: string | undefined;
    let pages = 0;
    // Small pages through every hit: the seeded record alone holds a few hundred that say "treaty".
    for (; pages < 200; pages += 1) {
      const response = await search({ q: 'treaty', limit: '7', ...(before ? { before } : {}) });
      expect(response.status).toBe(200);
      paged.push(...idsOf(response));
      before = response.body.next;
      if (!before) break;
    }
    expect(pages, 'paging reached the last hit').toBeLessThan(200);
    expect(new Set(paged).size, 'no hit twice').toBe(paged.length);
    expect(paged.length).toBeGreaterThanOrEqual(whole.body.hits.length);
    expect(paged.slice(0, whole.body.hits.length)).toEqual(idsOf(whole));
  });

  it('keeps to one treaty when asked', async () => {
    const response = await search({ q: 'treaty', treaty: 'inf', limit: '100' });
    expect(response.body.hits.length).toBeGreaterThan(0);
    expect(response.body.hits.every((h) => h.kind === 'update' && h.update.treatyId === 'inf')).toBe(true);
  });

  it('marks a retracted update, and finds a corrected one by its new wording only', async () => {
    const update = await post('cfe', { headline: 'Capybara convoy seen near the border', body: 'Unconfirmed reports' });
    expect(idsOf(await search({ q: 'capybara' }))).toEqual([update.id]);
    expect(
      (
        await board.api.patch(`/api/updates/${update.id}`, {
          headline: 'Armoured convoy seen near the border',
          body: 'Confirmed by axolotl sources',
        })
      ).status,
    ).toBe(200);
    expect(idsOf(await search({ q: 'capybara' }))).toEqual([]);
    const corrected = await search({ q: 'Axolotl' });
    expect(idsOf(corrected)).toEqual([update.id]);
    const [hit] = corrected.body.hits;
    expect(hit?.kind === 'update' && marked(hit.update.body ?? '', hit.marks.body)).toEqual(['axolotl']);
    expect((await board.api.post(`/api/updates/${update.id}/retract`, { reason: 'The convoy was an exercise' })).status).toBe(200);
    const retracted = (await search({ q: 'axolotl' })).body.hits[0];
    expect(retracted).toMatchObject({ kind: 'update', retracted: true });
  });

  it('finds an embargoed update only for editors, and only within their scope', async () => {
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    const held = await board.api.postUpdate<ScheduledResponse>('tpnw', { headline: 'Pangolin protocol to be signed', publishAt });
    expect(held.status).toBe(202);
    expect((await search({ q: 'pangolin' })).body.hits).toEqual([]);
    const editor = await search({ q: 'pangolin' }, await editorToken());
    expect(editor.body.hits.map((h) => [h.kind, h.kind === 'embargoed' && h.scheduled.publishAt])).toEqual([['embargoed', publishAt]]);
    expect((await search({ q: 'pangolin' }, ADMIN_TOKEN)).body.hits).toHaveLength(1);
    expect((await search({ q: 'pangolin' }, await editorToken(['inf']))).body.hits).toEqual([]);
    expect((await search({ q: 'pangolin' }, await editorToken(['tpnw']))).body.hits).toHaveLength(1);
    const stranger = await search({ q: 'pangolin' }, 'not-a-token');
    expect([stranger.status, stranger.contentType]).toEqual([401, 'application/problem+json; charset=utf-8']);
  });

  it('takes FTS syntax in q as plain text: 200, never an error', async () => {
    for (const q of [
      '"',
      '*',
      'NEAR(',
      'NEAR(kaliningrad, 2)',
      '"unbalanced',
      'kaliningrad AND OR NOT',
      '-kaliningrad',
      'headline:kaliningrad',
      '^kaliningrad',
      '((',
      "'",
      '\\',
      '\u0000',
      '%',
      '',
      ' ',
    ]) {
      const response = await search({ q });
      expect({ q, status: response.status }).toEqual({ q, status: 200 });
    }
    expect(idsOf(await search({ q: '"Kaliningrad*' })).length).toBeGreaterThan(0);
  });

  it('refuses bad parameters with 400 and a field list, and changes nothing', async () => {
    const seq = await board.server.app.store.currentSeq();
    for (const params of [
      '',
      'q=a&q=b',
      'q=x&limit=0',
      'q=x&limit=101',
      'q=x&limit=ten',
      'q=x&treaty=NOT%20A%20SLUG',
      'q=x&before=garbage',
      'q=x&before=2020-01-01T00:00:00.000Z~1~%00',
      'q=x&unknown=1',
      `q=${'x'.repeat(10_000)}`,
      'q=%E0%A4%A',
    ]) {
      const response = await search(params);
      expect({ params: params.slice(0, 40), status: response.status, type: response.contentType }).toEqual({
        params: params.slice(0, 40),
        status: params === 'q=%E0%A4%A' ? 200 : 400,
        type: params === 'q=%E0%A4%A' ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8',
      });
    }
    expect((await search('q=x&limit=0')).body.errors?.map((e) => e.field)).toEqual(['limit']);
    expect(await board.server.app.store.currentSeq()).toBe(seq);
  });
});
