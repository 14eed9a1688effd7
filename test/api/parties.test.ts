import { describe, expect, it } from 'vitest';
import {
  stateTreatiesResponseSchema,
  treatyPartiesResponseSchema,
  type PostUpdateResponse,
  type Problem,
  type ScheduledResponse,
  type Snapshot,
  type StateTreatiesResponse,
  type TreatyDetailResponse,
  type TreatyPartiesResponse,
  type Update,
} from '@treaty-watch/shared';
import { feedItem } from '../../server/src/feeds/feed-items';
import { postUpdate, request } from '../support/api-client';
import { useServer } from '../support/use-server';
import { stringMatching } from '../support/matchers';

const board = useServer();

const parties = (id: string, asOf?: string) =>
  request<TreatyPartiesResponse>(`${board.server.url}/api/treaties/${id}/parties${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
const stateIn = async (id: string, code: string, asOf?: string) => (await parties(id, asOf)).body.states.find((s) => s.code === code);
const ctbtCard = async () =>
  (await request<Snapshot>(`${board.server.url}/api/snapshot`)).body.treaties.find((t) => t.id === 'ctbt')?.partySummary;
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('the per-state record', () => {
  it('gives the CTBT its 44 Annex 2 states as the sheet has them, with the CTBTO counts', async () => {
    const { status, body } = await parties('ctbt');
    expect(status).toBe(200);
    treatyPartiesResponseSchema.parse(body);
    expect(body.groups).toEqual([{ id: 'annex-2', name: 'Annex 2', size: 44 }]);
    const annex2 = body.states.filter((s) => s.groups.includes('annex-2'));
    expect(annex2).toHaveLength(44);
    expect(annex2.filter((s) => s.standing === 'ratified')).toHaveLength(35);
    const codes = (standing: string) =>
      annex2
        .filter((s) => s.standing === standing)
        .map((s) => s.code)
        .sort();
    expect(codes('signed')).toEqual(['CN', 'EG', 'IL', 'IR', 'RU', 'US']);
    expect(codes('not_signed')).toEqual(['IN', 'KP', 'PK']);
    const russia = annex2.find((s) => s.code === 'RU');
    expect(russia?.history.map((h) => h.action)).toEqual(['signed', 'ratified', 'ratification_revoked']);
    expect(russia?.history.at(-1)?.on).toBe('2023-11-02T00:00:00.000Z');
    expect(body.counts).toMatchObject({ signatories: 187, ratifications: 178, asOf: '2026-02-06' });
    expect(body.counts?.sourceUrl).toMatch(/^https:\/\/www\.ctbto\.org\//);
  });

  it('shows no date the sheet does not hold, and keeps uncertain facts with their note', async () => {
    const argentina = await stateIn('ctbt', 'AR');
    expect(argentina?.standing).toBe('ratified');
    expect(argentina).not.toHaveProperty('ratifiedAt');
    expect(argentina?.history.find((h) => h.action === 'ratified')).not.toHaveProperty('on');
    expect(await stateIn('ctbt', 'BR')).toMatchObject({ uncertain: true, note: stringMatching(/one secondary source/) });
  });

  it('has the US leaving Open Skies in 2020 and Russia in 2021, as of those days', async () => {
    expect((await stateIn('open-skies', 'US', '2020-06-01'))?.standing).toBe('withdrawal_pending');
    expect((await stateIn('open-skies', 'US', '2021-01-01'))?.standing).toBe('withdrawn');
    expect(await stateIn('open-skies', 'RU')).toMatchObject({ standing: 'withdrawn', since: '2021-12-18T00:00:00.000Z' });
  });

  it('has Russia out of CFE and the US and Canada suspended on their dates; the list is partial', async () => {
    expect(await stateIn('cfe', 'RU')).toMatchObject({ standing: 'withdrawn', since: '2023-11-07T00:00:00.000Z' });
    expect(await stateIn('cfe', 'US')).toMatchObject({ standing: 'suspended', since: '2023-12-07T00:00:00.000Z' });
    expect(await stateIn('cfe', 'CA')).toMatchObject({ standing: 'suspended', since: '2024-02-07T00:00:00.000Z' });
    const { body } = await parties('cfe');
    expect(body.complete).toBe(false);
    expect(body.notes.some((n) => n.text.includes('NATO'))).toBe(true);
    expect((await parties('tpnw')).body).toMatchObject({ complete: false, counts: { parties: 74, asOf: '2025-09-26' } });
  });

  it('gives no date in the feeds for a fact whose day the sheet does not hold', async () => {
    const detail = await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/ctbt`);
    const dateless = detail.body.updates.find((u) => u.party?.code === 'AR' && u.party.action === 'ratified');
    expect(dateless?.party?.dateUnknown).toBe(true);
    const item = feedItem(dateless as Update, detail.body.treaty, board.server.url);
    expect(item.text).toContain('Argentina: Ratified');
    expect(item.text).toContain('Date not recorded.');
    expect(item.text).not.toContain('Occurred');
  });

  it('gives one state across every treaty', async () => {
    const { status, body } = await request<StateTreatiesResponse>(`${board.server.url}/api/parties/us`);
    expect(status).toBe(200);
    stateTreatiesResponseSchema.parse(body);
    expect(body.name).toBe('United States');
    expect(Object.fromEntries(body.treaties.map((t) => [t.treatyId, t.standing]))).toMatchObject({
      ctbt: 'signed',
      'open-skies': 'withdrawn',
      cfe: 'suspended',
    });
  });
});

describe('a party move posted live', () => {
  it('moves Egypt on the CTBT card and in the counts, leaves yesterday at nine, and retracting brings nine back', async () => {
    expect((await ctbtCard())?.groups[0]?.missing).toHaveLength(9);
    const posted = await postUpdate<PostUpdateResponse>(board.server.url, 'ctbt', {
      headline: 'Egypt ratifies the CTBT',
      party: { code: 'EG', action: 'ratified' },
    });
    expect(posted.status).toBe(201);
    expect(posted.body.update.party).toEqual({ code: 'EG', action: 'ratified' });
    expect(posted.body.treaty.partySummary?.groups[0]).toMatchObject({ ratified: 36 });
    expect((await ctbtCard())?.groups[0]?.missing).toHaveLength(8);
    expect((await stateIn('ctbt', 'EG'))?.standing).toBe('ratified');
    expect((await parties('ctbt')).body.counts).toMatchObject({ ratifications: 179, movesSince: 1 });
    const then = await request<Snapshot>(`${board.server.url}/api/snapshot?asOf=${yesterday()}`);
    expect(then.body.treaties.find((t) => t.id === 'ctbt')?.partySummary?.groups[0]?.missing).toHaveLength(9);
    expect((await stateIn('ctbt', 'EG', yesterday()))?.standing).toBe('signed');

    const twice = await postUpdate<Problem>(board.server.url, 'ctbt', {
      headline: 'Egypt ratifies again',
      party: { code: 'EG', action: 'ratified' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.allowedActions).toEqual(['ratification_revoked', 'suspended', 'withdrawal_notified', 'withdrew']);

    const retracted = await board.api.post<PostUpdateResponse>(`/api/updates/${posted.body.update.id}/retract`, {
      reason: 'Not yet deposited',
    });
    expect(retracted.status).toBe(200);
    expect(retracted.body.treaty.partySummary?.groups[0]?.missing).toHaveLength(9);
    expect((await ctbtCard())?.groups[0]?.missing).toHaveLength(9);
    expect((await stateIn('ctbt', 'EG'))?.standing).toBe('signed');
  });

  it('refuses a backdated move the later record contradicts, with nothing changed', async () => {
    const before = await request<Snapshot>(`${board.server.url}/api/snapshot`);
    const res = await postUpdate<Problem>(board.server.url, 'open-skies', {
      headline: 'US leaves early',
      occurredAt: '2019-01-01T00:00:00.000Z',
      party: { code: 'US', action: 'withdrew' },
    });
    expect(res.status).toBe(409);
    expect((await request<Snapshot>(`${board.server.url}/api/snapshot`)).body.seq).toBe(before.body.seq);
  });

  it('names party.code or party.action in a 400, and changes nothing', async () => {
    const before = await request<Snapshot>(`${board.server.url}/api/snapshot`);
    const cases: [unknown, string][] = [
      [{ code: 'XX', action: 'ratified' }, 'party.code'],
      [{ code: 'constructor', action: 'ratified' }, 'party.code'],
      [{ code: '__proto__', action: 'ratified' }, 'party.code'],
      [{ code: 'E\u0000', action: 'ratified' }, 'party.code'],
      [{ code: 42, action: 'ratified' }, 'party.code'],
      [{ code: 'EG', action: 'toString' }, 'party.action'],
      [{ code: 'EG', action: 'ratified'.repeat(1000) }, 'party.action'],
    ];
    for (const [party, field] of cases) {
      const res = await postUpdate<Problem>(board.server.url, 'ctbt', { headline: 'Hostile move', party });
      expect(res.status, JSON.stringify(party).slice(0, 80)).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
    }
    const extra = await postUpdate<Problem>(board.server.url, 'ctbt', {
      headline: 'Extra',
      party: { code: 'EG', action: 'ratified', __proto__: { x: 1 }, since: 'x' },
    });
    expect(extra.status).toBe(400);
    expect((await request<Snapshot>(`${board.server.url}/api/snapshot`)).body.seq).toBe(before.body.seq);
  });
});

describe('an embargoed party move', () => {
  it('moves the state at publication, and fails if the record moved on meanwhile', async () => {
    const publishAt = new Date(Date.now() + 2500).toISOString();
    const iran = await postUpdate<ScheduledResponse>(board.server.url, 'ctbt', {
      headline: 'Iran ratifies',
      publishAt,
      party: { code: 'IR', action: 'ratified' },
    });
    const israel = await postUpdate<ScheduledResponse>(board.server.url, 'ctbt', {
      headline: 'Israel ratifies',
      publishAt,
      party: { code: 'IL', action: 'ratified' },
    });
    expect([iran.status, israel.status]).toEqual([202, 202]);
    expect(iran.body.scheduled.party).toEqual({ code: 'IR', action: 'ratified' });
    expect((await stateIn('ctbt', 'IR'))?.standing).toBe('signed');
    expect(
      (await postUpdate(board.server.url, 'ctbt', { headline: 'Israel ratifies today', party: { code: 'IL', action: 'ratified' } })).status,
    ).toBe(201);
    const stateOf = async (id: string) => (await board.api.get<ScheduledResponse>(`/api/scheduled/${id}`)).body.scheduled.state;
    await expect.poll(() => stateOf(iran.body.scheduled.id), { timeout: 10_000, interval: 200 }).toBe('published');
    await expect.poll(() => stateOf(israel.body.scheduled.id), { timeout: 10_000, interval: 200 }).toBe('failed');
    expect((await stateIn('ctbt', 'IR'))?.standing).toBe('ratified');
    expect((await stateIn('ctbt', 'IL'))?.history.filter((h) => h.action === 'ratified')).toHaveLength(1);
  });
});

describe('hostile reads of the record', () => {
  it('answers bad codes, ids and dates with 4xx, never 5xx', async () => {
    const paths = [
      '/api/parties/XX',
      '/api/parties/constructor',
      '/api/parties/__proto__',
      '/api/parties/%E0%A4%A',
      '/api/parties/%00',
      `/api/parties/${'A'.repeat(5000)}`,
      '/api/treaties/constructor/parties',
      '/api/treaties/__proto__/parties',
      '/api/treaties/%E0%A4%A/parties',
      '/api/treaties/ctbt/parties?asOf=junk',
      '/api/treaties/ctbt/parties?asOf=2999-01-01',
      '/api/treaties/ctbt/parties?asOf=2020-01-01&asOf=2021-01-01',
      '/api/treaties/ctbt/parties?asOf[x]=1',
      '/api/treaties/ctbt/parties?other=1',
    ];
    for (const path of paths) {
      const res = await request(`${board.server.url}${path}`);
      expect(res.status, path.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.status, path.slice(0, 80)).toBeLessThan(500);
    }
  });
});
