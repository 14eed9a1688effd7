import { describe, expect, it } from 'vitest';
import { dataExchangesResponseSchema, type DataExchangesResponse, type Snapshot, type TreatyDetailResponse } from '@treaty-watch/shared';
import { request } from '../support/api-client';
import { useServer } from '../support/use-server';
import { stringMatching } from '../support/matchers';

const board = useServer();

const treaty = async (id: string) => (await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/${id}`)).body.treaty;

describe('what the board states, as its sources back it', () => {
  it('gives SORT one ceiling range by 2012-12-31 and no term left after it ended', async () => {
    const sort = await treaty('sort');
    expect(sort.limits).toEqual([
      {
        label: 'Operationally deployed strategic nuclear warheads, each side',
        from: 1700,
        value: 2200,
        unit: 'warheads',
        deadline: '2012-12-31',
      },
    ]);
    expect(sort.status).toBe('expired');
    expect(sort).not.toHaveProperty('expiresAt');
    const then = await request<Snapshot>(`${board.server.url}/api/snapshot?asOf=2005-01-01`);
    expect(then.body.treaties.find((t) => t.id === 'sort')).toMatchObject({ status: 'in_force', expiresAt: '2012-12-31T23:59:59.999Z' });
  });

  it('draws New START limits from 2018-02-05, marks the 2023-03-01 row, and gives each row its source', async () => {
    const { status, body } = await request<DataExchangesResponse>(`${board.server.url}/api/treaties/new-start/data-exchanges`);
    expect(status).toBe(200);
    dataExchangesResponseSchema.parse(body);
    expect(body.limitsFrom).toBe('2018-02-05');
    const row = (asOf: string) => body.exchanges.find((e) => e.asOf === asOf);
    expect(row('2017-09-01')?.limitsApply).toBe(false);
    expect(row('2018-02-05')?.limitsApply).toBe(true);
    expect(row('2023-03-01')).toMatchObject({ kind: 'voluntary_us_publication', caveat: stringMatching(/voluntary US publication/) });
    expect(body.exchanges.filter((e) => e.kind === 'voluntary_us_publication')).toHaveLength(1);
    expect(body.exchanges.every((e) => e.source.startsWith('http'))).toBe(true);
    expect((await request(`${board.server.url}/api/treaties/constructor/data-exchanges`)).status).toBe(404);
  });

  it('marks the uncertain points: New START’s end, CFE’s entry into force and suspension date, derived counts', async () => {
    expect((await treaty('new-start')).caveats?.map((c) => c.field)).toEqual(['expiresAt']);
    expect((await treaty('cfe')).caveats?.map((c) => c.field)).toEqual(['inForceAt', 'statusSince', 'parties']);
    const snapshot = (await request<Snapshot>(`${board.server.url}/api/snapshot`)).body;
    expect(snapshot.treaties.find((t) => t.id === 'open-skies')?.partySummary?.counts).toMatchObject({ parties: 32, uncertain: true });
  });
});
