import { describe, expect, it } from 'vitest';
import { displayStatus, snapshotSchema, type Snapshot } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { useServer } from '../support/use-server';

const board = useServer();

const asOf = (value: string) => request<Snapshot>(`${board.server.url}/api/snapshot?asOf=${encodeURIComponent(value)}`);

describe('the board as of a date', () => {
  it('shows New START expiring and INF abandoned as of 26 October 2020', async () => {
    const { status, body } = await asOf('2020-10-26');
    expect(status).toBe(200);
    snapshotSchema.parse(body);
    expect(body.asOf).toBe('2020-10-26T23:59:59.999Z');
    const newStart = body.treaties.find((t) => t.id === 'new-start');
    expect(newStart).toMatchObject({ status: 'in_force', expiresAt: '2021-02-05T23:59:59.999Z' });
    expect(newStart && displayStatus(newStart, Date.parse(body.asOf ?? ''))).toBe('expiring');
    expect(body.treaties.find((t) => t.id === 'inf')?.status).toBe('abandoned');
    expect(body.updates.every((u) => u.occurredAt <= '2020-10-26T23:59:59.999Z')).toBe(true);
    expect(body.updates[0]?.headline).toMatch(/Kaliningrad/);
    expect(body.activity).toHaveLength(30);
    expect(body.activity.at(-1)).toEqual({ date: '2020-10-26', count: 1, byTreaty: { inf: 1 } });
    expect(body.activity.find((d) => d.date === '2020-10-20')).toEqual({ date: '2020-10-20', count: 2, byTreaty: { 'new-start': 2 } });
  });

  it('shows New START expired as of today, and equals the live board', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const [{ body: then }, { body: live }] = await Promise.all([asOf(today), request<Snapshot>(`${board.server.url}/api/snapshot`)]);
    expect(then.treaties.find((t) => t.id === 'new-start')?.status).toBe('expired');
    expect(then.treaties).toEqual(live.treaties);
    expect(then.updates).toEqual(live.updates);
  });

  it('refuses a day before year 1 or before the first date in the record, naming asOf', async () => {
    const log = await board.server.app.store.logEntries(0, await board.server.app.store.currentSeq());
    const first = log.map((entry) => entry.effectiveAt).sort()[0] ?? '';
    const before = new Date(Date.parse(first) - 1).toISOString();
    for (const value of ['0000-01-01', '0000-12-31T23:59:59.999Z', '0001-01-01', '1000-06-15', before]) {
      const { status, body } = await request<{ errors?: { field: string }[] }>(
        `${board.server.url}/api/snapshot?asOf=${encodeURIComponent(value)}`,
      );
      expect([status, body.errors?.map((e) => e.field)], value).toEqual([400, ['asOf']]);
    }
    const { status, body } = await asOf(first);
    expect(status).toBe(200);
    expect(body.activity.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day.date))).toBe(true);
  });

  it('leaves out treaties that had no entry yet', async () => {
    const { body } = await asOf('1971-01-01');
    expect(body.treaties.map((t) => t.id)).toEqual(['npt']);
    expect(body.treaties[0]?.status).toBe('in_force');
  });

  it('places a backdated update at its date, not at the moment it was posted', async () => {
    await postUpdate(board.server.url, 'inf', { headline: 'Archive note from 2019', occurredAt: '2019-09-20T10:00:00Z' });
    const { body } = await asOf('2019-09-20');
    expect(body.updates[0]?.headline).toBe('Archive note from 2019');
  });

  it.each(['2999-01-01', 'yesterday', '2020-13-45', '2020-10-26T10:00:00+02:00'])('refuses asOf=%s with a 400', async (value) => {
    const { status, body } = await request<{ errors: { field: string }[] }>(
      `${board.server.url}/api/snapshot?asOf=${encodeURIComponent(value)}`,
    );
    expect(status).toBe(400);
    expect(body.errors.map((e) => e.field)).toEqual(['asOf']);
  });
});
