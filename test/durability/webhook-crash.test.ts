import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeliveriesResponse } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { spawnServer, type SpawnedServer } from '../support/spawned-server';
import { tempDir } from '../support/temp-dir';
import { WebhookReceiver } from '../support/webhook-receiver';

const data = tempDir('webhook-crash');
const receiver = new WebhookReceiver(`whsec_${randomBytes(32).toString('base64')}`);
let server: SpawnedServer | undefined;
// A short timeout, so the lease of a delivery cut off by the crash runs out within the test.
const env = { WEBHOOK_TIMEOUT_MS: '1000', WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_RETRY_MAX_MS: '1000' };
const admin = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };

afterAll(async () => {
  await server?.stop();
  await receiver.stop();
  data.remove();
});

describe('a server killed in the middle of a webhook delivery', () => {
  it('sends it again after restart, once its lease runs out, and every change arrives once', async () => {
    await receiver.start();
    server = await spawnServer(data.dir, undefined, env);
    const created = await request<{ endpoint: { id: string } }>(`${server.url}/api/webhooks`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ url: receiver.url, secret: receiver.secret, treaties: ['npt'] }),
    });
    expect(created.status).toBe(201);

    receiver.hang();
    await postUpdate(server.url, 'npt', { headline: 'In flight when the server died' });
    await receiver.until(() => receiver.received.length === 1, 5000, 'the delivery to start');
    await server.crash();
    receiver.accept();

    server = await spawnServer(data.dir, server.port, env);
    await postUpdate(server.url, 'npt', { headline: 'Posted after the restart' });
    await receiver.until(() => receiver.delivered.length === 2, 20_000, 'both deliveries');
    expect(receiver.delivered.map((r) => r.payload.data.update?.headline)).toEqual([
      'In flight when the server died',
      'Posted after the restart',
    ]);
    expect(new Set(receiver.delivered.map((r) => r.id)).size).toBe(2);
    // The one cut off was attempted twice under one webhook-id, and acknowledged once.
    expect(receiver.received.filter((r) => r.id === receiver.delivered[0]?.id)).toHaveLength(2);

    const { url } = server;
    const states = async () =>
      (
        await request<DeliveriesResponse>(`${url}/api/webhooks/${created.body.endpoint.id}/deliveries`, { headers: admin })
      ).body.deliveries.map((d) => d.state);
    await expect.poll(states).toEqual(['delivered', 'delivered']);
  });
});
