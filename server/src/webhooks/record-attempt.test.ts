import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { Store } from '../store/store';
import type { DeliveryRecord } from '../store/webhook-store';
import { recordAttempt, releaseLease } from './record-attempt';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-attempt-'));
let store: Store;
const at = '2026-12-01T10:00:00.000Z';
const queued: DeliveryRecord = {
  id: 'msg_1',
  endpointId: 'hook',
  seq: 1,
  kind: 'update.posted',
  treatyId: 'npt',
  state: 'pending',
  attempts: 0,
  createdAt: at,
  nextAttemptAt: at,
  history: [],
};
const outcome = (delivery: DeliveryRecord, ok: boolean) => ({
  endpointId: 'hook',
  delivery,
  attempt: { at, status: ok ? 204 : 500, latencyMs: 3 },
  ok,
  now: new Date(at),
  retry: { baseMs: 1000, maxMs: 1000 },
  disableAfterMs: 60_000,
});

beforeAll(async () => {
  store = openSqliteStore(dir);
  await store.transaction(async (tx) => {
    await tx.saveWebhook({ id: 'hook', url: 'http://127.0.0.1:9/', enabled: true, createdAt: at, secret: 'whsec_x' });
    await tx.saveDelivery(queued);
  });
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('recordAttempt', () => {
  it('lets only the holder of the lease write: an attempt that outlived its lease cannot undo a delivery', async () => {
    const first = { ...queued, leaseId: 'first', leaseUntil: at };
    const second = { ...queued, leaseId: 'second', leaseUntil: at };
    await store.transaction((tx) => tx.saveDelivery(second));
    expect(await recordAttempt(store, outcome(second, true))).toEqual({});
    expect(await recordAttempt(store, outcome(first, false))).toEqual({ stale: true });
    const [delivered] = await store.webhookDeliveries('hook', { limit: 1 });
    expect(delivered).toMatchObject({ state: 'delivered', attempts: 1, history: [{ status: 204 }] });
    expect(delivered?.leaseId).toBeUndefined();
  });

  it('hands back a lease only while it is still held', async () => {
    const next = { ...queued, id: 'msg_2', seq: 2, leaseId: 'mine', leaseUntil: at };
    await store.transaction((tx) => tx.saveDelivery({ ...next, leaseId: 'theirs' }));
    await releaseLease(store, next);
    expect((await store.webhookDeliveries('hook', { state: 'pending', limit: 1 }))[0]?.leaseId).toBe('theirs');
  });
});
