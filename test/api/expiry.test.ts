import { describe, expect, it } from 'vitest';
import type { AuditResponse, Snapshot, TreatyDetailResponse } from '@treaty-watch/shared';
import { request } from '../support/api-client';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { useServer } from '../support/use-server';

const board = useServer();

const auth = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };

async function treatyExpiringIn(id: string, ms: number): Promise<string> {
  const expiresAt = new Date(Date.now() + ms).toISOString();
  const created = await request(`${board.server.url}/api/treaties`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ id, name: `Treaty ${id}`, shortName: id, category: 'strategic_arms', status: 'in_force', expiresAt }),
  });
  expect(created.status).toBe(201);
  return expiresAt;
}

async function expiries(target: string): Promise<number> {
  const { body } = await request<AuditResponse>(`${board.server.url}/api/audit?limit=500`, { headers: auth });
  return body.entries.filter((e) => e.action === 'treaty.expired' && e.target === target).length;
}

describe('a treaty whose term runs out', () => {
  it('expires on its own at expiresAt, once, and every board sees it live', async () => {
    const dashboard = board.connect();
    await dashboard.until(() => dashboard.snapshots.length === 1);
    const expiresAt = await treatyExpiringIn('short-term', 1500);

    await dashboard.until(() => dashboard.changes.some((c) => c.kind === 'treaty.expired'), 6000, 'treaty.expired');
    const { body } = await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/short-term`);
    expect(body.treaty).toMatchObject({ status: 'expired', statusSince: expiresAt });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await expiries('short-term')).toBe(1);
  });

  it('expires a suspended treaty too when its term runs out', async () => {
    const expiresAt = await treatyExpiringIn('suspended-term', 1500);
    const suspended = await request(`${board.server.url}/api/treaties/suspended-term/updates`, { method: 'POST', headers: auth, body: JSON.stringify({ headline: 'Suspended', status: 'suspended' }) });
    expect(suspended.status).toBe(201);
    await new Promise((r) => setTimeout(r, 3000));
    const { body } = await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/suspended-term`);
    expect(body.treaty).toMatchObject({ status: 'expired', statusSince: expiresAt });
    expect(await expiries('suspended-term')).toBe(1);
  });

  it('expires once, and stays expired, when its end is set to a day before what its record already holds', async () => {
    const created = await request(`${board.server.url}/api/treaties`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ id: 'late-end', name: 'Late end', shortName: 'LE', category: 'strategic_arms', status: 'in_force', effectiveAt: new Date(Date.now() - 7_200_000).toISOString() }),
    });
    expect(created.status).toBe(201);
    const suspended = await request(`${board.server.url}/api/treaties/late-end/updates`, { method: 'POST', headers: auth, body: JSON.stringify({ headline: 'Suspended', status: 'suspended' }) });
    expect(suspended.status).toBe(201);
    const expiresAt = new Date(Date.now() - 3_600_000).toISOString();
    const changed = await request(`${board.server.url}/api/treaties/late-end`, { method: 'PATCH', headers: { ...auth, 'if-match': '"2"' }, body: JSON.stringify({ expiresAt }) });
    expect(changed.status).toBe(200);
    await new Promise((r) => setTimeout(r, 3000));
    const { body } = await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/late-end`);
    expect(body.treaty.status).toBe('expired');
    expect(await expiries('late-end')).toBe(1);
  });

  it('expires at start when its end passed while the server was down, and only then', async () => {
    await treatyExpiringIn('lapsed-while-down', 800);
    await board.server.stop();
    await new Promise((r) => setTimeout(r, 1200));
    await board.server.start();
    const { body } = await request<TreatyDetailResponse>(`${board.server.url}/api/treaties/lapsed-while-down`);
    expect(body.treaty.status).toBe('expired');
    const seq = (await request<Snapshot>(`${board.server.url}/api/snapshot`)).body.seq;

    await board.server.restart();
    expect((await request<Snapshot>(`${board.server.url}/api/snapshot`)).body.seq).toBe(seq);
    expect(await expiries('lapsed-while-down')).toBe(1);
  });
});
