import { describe, expect, it } from 'vitest';
import type { AuditResponse, Snapshot, TreatyDetailResponse } from '@treaty-watch/shared';
import { testClock } from '../support/test-clock';
import { useServer } from '../support/use-server';

const clock = testClock();
const board = useServer({ now: clock.now });
const inMs = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

/** Moves the server's clock on and runs the due work a second would have. */
async function passTime(ms: number) {
  clock.advance(ms);
  await board.server.app.dueWork.check();
}

async function treatyExpiringIn(id: string, ms: number): Promise<string> {
  const expiresAt = inMs(ms);
  const created = await board.api.post('/api/treaties', {
    id,
    name: `Treaty ${id}`,
    shortName: id,
    category: 'strategic_arms',
    status: 'in_force',
    expiresAt,
  });
  expect(created.status).toBe(201);
  return expiresAt;
}

async function expiries(target: string): Promise<number> {
  const { body } = await board.api.get<AuditResponse>('/api/audit?limit=500');
  return body.entries.filter((e) => e.action === 'treaty.expired' && e.target === target).length;
}

const treaty = async (id: string) => (await board.api.get<TreatyDetailResponse>(`/api/treaties/${id}`, { token: null })).body.treaty;

describe('a treaty whose term runs out', () => {
  it('expires on its own at expiresAt, once, and every board sees it live', async () => {
    const dashboard = board.connect();
    await dashboard.until(() => dashboard.snapshots.length === 1);
    const expiresAt = await treatyExpiringIn('short-term', 60_000);
    await passTime(59_000);
    expect((await treaty('short-term')).status).toBe('in_force');

    await passTime(2000);
    await dashboard.until(() => dashboard.changes.some((c) => c.kind === 'treaty.expired'), 6000, 'treaty.expired');
    expect(await treaty('short-term')).toMatchObject({ status: 'expired', statusSince: expiresAt });
    await passTime(60_000);
    expect(await expiries('short-term')).toBe(1);
    expect(dashboard.changes.filter((c) => c.kind === 'treaty.expired')).toHaveLength(1);
  });

  it('expires a suspended treaty too when its term runs out', async () => {
    const expiresAt = await treatyExpiringIn('suspended-term', 60_000);
    const suspended = await board.api.post('/api/treaties/suspended-term/updates', { headline: 'Suspended', status: 'suspended' });
    expect(suspended.status).toBe(201);
    await passTime(61_000);
    expect(await treaty('suspended-term')).toMatchObject({ status: 'expired', statusSince: expiresAt });
    expect(await expiries('suspended-term')).toBe(1);
  });

  it('expires once, and stays expired, when its end is set to a day before what its record already holds', async () => {
    const created = await board.api.post('/api/treaties', {
      id: 'late-end',
      name: 'Late end',
      shortName: 'LE',
      category: 'strategic_arms',
      status: 'in_force',
      effectiveAt: inMs(-7_200_000),
    });
    expect(created.status).toBe(201);
    const suspended = await board.api.post('/api/treaties/late-end/updates', { headline: 'Suspended', status: 'suspended' });
    expect(suspended.status).toBe(201);
    const changed = await board.api.patch('/api/treaties/late-end', { expiresAt: inMs(-3_600_000) }, { headers: { 'if-match': '"2"' } });
    expect(changed.status).toBe(200);
    await passTime(1000);
    await passTime(1000);
    expect((await treaty('late-end')).status).toBe('expired');
    expect(await expiries('late-end')).toBe(1);
  });

  it('expires at start when its end passed while the server was down, and only then', async () => {
    await treatyExpiringIn('lapsed-while-down', 60_000);
    await board.server.stop();
    clock.advance(61_000);
    await board.server.start();
    expect((await treaty('lapsed-while-down')).status).toBe('expired');
    const seq = (await board.api.get<Snapshot>('/api/snapshot')).body.seq;

    await board.server.restart();
    expect((await board.api.get<Snapshot>('/api/snapshot')).body.seq).toBe(seq);
    expect(await expiries('lapsed-while-down')).toBe(1);
  });
});
