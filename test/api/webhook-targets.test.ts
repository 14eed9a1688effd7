import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  CreateWebhookResponse,
  DeliveriesResponse,
  Problem,
  WebhookDelivery,
  WebhookResponse,
  WebhooksResponse,
} from '@treaty-watch/shared';
import { isPublicAddress } from '../../server/src/webhooks/targets';
import type { Api } from '../support/api-client';
import { useServer } from '../support/use-server';
import { WebhookReceiver } from '../support/webhook-receiver';

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const FAST = { timeoutMs: 500, retry: { baseMs: 60_000, maxMs: 60_000 }, disableAfterMs: 24 * 60 * 60 * 1000 };

/** The first attempt's record, once it is written down. */
async function firstAttempt(api: Api, endpointId: string): Promise<WebhookDelivery> {
  let delivery: WebhookDelivery | undefined;
  await expect
    .poll(
      async () => {
        delivery = (await api.get<DeliveriesResponse>(`/api/webhooks/${endpointId}/deliveries`)).body.deliveries[0];
        return delivery?.attempts ?? 0;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
  return delivery as WebhookDelivery;
}

describe('which addresses count as public', () => {
  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '239.255.255.250',
    '192.0.2.10',
    '198.18.0.1',
    '::',
    '::1',
    '::ffff:7f00:1',
    '::ffff:127.0.0.1',
    '::ffff:a00:1',
    '::127.0.0.1',
    '64:ff9b::7f00:1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'fec0::1',
    'ff02::1',
    '2001:db8::1',
    '2002:7f00:1::1',
    '2001:0:4136:e378::1',
    '100::1',
    'not an address',
    '',
  ])('%s is not', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe('webhooks to non-public targets, WEBHOOK_ALLOW_PRIVATE unset', () => {
  const refusing = useServer({ webhookAllowPrivate: false, webhooks: FAST });
  afterEach(() => vi.restoreAllMocks());

  const count = async () => (await refusing.api.get<WebhooksResponse>('/api/webhooks')).body.endpoints.length;

  it.each([
    'http://127.0.0.1:3000/hook',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0x7f.1/',
    'http://127.1/',
    'http://0177.0.0.1/',
    'http://017700000001/',
    'http://0/',
    'http://[::1]/',
    'http://[::]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[0:0:0:0:0:ffff:127.0.0.1]/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://[ff02::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://192.168.0.10:8080/',
    'http://100.100.100.200/',
    'http://224.0.0.1/',
    'http://localhost/',
    'http://LOCALHOST./',
    'http://wire.localhost/',
    'https://user:pass@127.0.0.1/',
  ])('refuses to register %s, naming url', async (url) => {
    const before = await count();
    const refused = await refusing.api.post<Problem>('/api/webhooks', { url });
    expect(refused.status).toBe(400);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.errors?.map((e) => e.field)).toEqual(['url']);
    expect(await count()).toBe(before);
  });

  it('refuses a name that resolves to a private address, without saying which', async () => {
    vi.spyOn(dns.promises, 'lookup').mockResolvedValue([
      { address: '93.184.216.34', family: 4 },
      { address: '10.20.30.40', family: 4 },
    ] as never);
    const refused = await refusing.api.post<Problem>('/api/webhooks', { url: 'https://intranet.example/hook' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).not.toContain('10.20.30.40');
  });

  it('refuses to move an endpoint to a private URL, and keeps the one it had', async () => {
    vi.spyOn(dns.promises, 'lookup').mockResolvedValue([{ address: '93.184.216.34', family: 4 }] as never);
    const created = await refusing.api.post<CreateWebhookResponse>('/api/webhooks', {
      url: 'https://wire.example/hook',
      treaties: ['cfe'],
    });
    expect(created.status).toBe(201);
    const moved = await refusing.api.patch<Problem>(`/api/webhooks/${created.body.endpoint.id}`, {
      url: 'http://[::ffff:169.254.169.254]/',
    });
    expect(moved.status).toBe(400);
    expect(moved.body.errors?.map((e) => e.field)).toEqual(['url']);
    const kept = await refusing.api.get<WebhookResponse>(`/api/webhooks/${created.body.endpoint.id}`);
    expect(kept.body.endpoint.url).toBe('https://wire.example/hook');
    await refusing.api.delete(`/api/webhooks/${created.body.endpoint.id}`);
  });

  it('checks the address again when it sends: a name that now resolves to loopback reaches nothing', async () => {
    const receiver = new WebhookReceiver(newSecret());
    await receiver.start();
    try {
      const port = new URL(receiver.url).port;
      // Public when registered; rebound to the receiver on loopback by the time it is sent.
      vi.spyOn(dns.promises, 'lookup').mockResolvedValue([{ address: '93.184.216.34', family: 4 }] as never);
      const lookup = vi
        .spyOn(dns, 'lookup')
        .mockImplementation(((_host: string, _options: unknown, callback: (...args: unknown[]) => void) =>
          callback(null, [{ address: '127.0.0.1', family: 4 }])) as never);
      const created = await refusing.api.post<CreateWebhookResponse>('/api/webhooks', {
        url: `http://rebound.example:${port}/hooks/treaty-watch`,
        secret: receiver.secret,
        treaties: ['open-skies'],
      });
      expect(created.status).toBe(201);
      await refusing.api.postUpdate('open-skies', { headline: 'Must not reach loopback' });
      const delivery = await firstAttempt(refusing.api, created.body.endpoint.id);
      expect(lookup).toHaveBeenCalled();
      expect(delivery.history[0]).toMatchObject({ error: 'refused-target' });
      expect(delivery.history[0]?.status).toBeUndefined();
      expect(receiver.received).toEqual([]);
      await refusing.api.delete(`/api/webhooks/${created.body.endpoint.id}`);
    } finally {
      await receiver.stop();
    }
  });

  it('refuses at send time an endpoint registered before, when private targets were allowed', async () => {
    const receiver = new WebhookReceiver(newSecret());
    await receiver.start();
    try {
      await refusing.server.stop();
      await refusing.server.start({ webhookAllowPrivate: true });
      const created = await refusing.api.post<CreateWebhookResponse>('/api/webhooks', {
        url: receiver.url,
        secret: receiver.secret,
        treaties: ['abm'],
      });
      expect(created.status).toBe(201);
      await refusing.server.stop();
      await refusing.server.start({ webhookAllowPrivate: false });
      await refusing.api.postUpdate('abm', { headline: 'After the setting changed' });
      const delivery = await firstAttempt(refusing.api, created.body.endpoint.id);
      expect(delivery.history[0]).toMatchObject({ error: 'refused-target' });
      expect(receiver.received).toEqual([]);
      await refusing.api.delete(`/api/webhooks/${created.body.endpoint.id}`);
    } finally {
      await receiver.stop();
    }
  });
});

describe('webhooks with WEBHOOK_ALLOW_PRIVATE=true (a partner on the newsroom network)', () => {
  const allowing = useServer({ webhooks: FAST });
  let redirector: http.Server;
  let redirectorUrl = '';
  let receiver: WebhookReceiver;
  let hanging: WebhookReceiver;
  beforeAll(async () => {
    receiver = new WebhookReceiver(newSecret());
    hanging = new WebhookReceiver(newSecret());
    await Promise.all([receiver.start(), hanging.start()]);
    hanging.hang();
    // Sends every POST on to the receiver: a sender that followed redirects would deliver there.
    redirector = http.createServer((_req, res) => res.writeHead(307, { location: receiver.url }).end());
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    redirectorUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((resolve) => redirector.close(resolve));
    await Promise.all([receiver.stop(), hanging.stop()]);
  });

  async function deliveryTo(url: string, treaty: string, secret = newSecret()) {
    const created = await allowing.api.post<CreateWebhookResponse>('/api/webhooks', { url, secret, treaties: [treaty] });
    expect(created.status).toBe(201);
    await allowing.api.postUpdate(treaty, { headline: `For ${url}` });
    return firstAttempt(allowing.api, created.body.endpoint.id);
  }

  it('does not follow a redirect: the 307 is the answer, and a failure', async () => {
    const delivery = await deliveryTo(redirectorUrl, 'inf', receiver.secret);
    expect(delivery.history[0]).toMatchObject({ status: 307 });
    expect(delivery.state).toBe('pending');
    expect(receiver.received).toEqual([]);
  });

  it('logs a failure without an answer in coarse classes: unreachable, timeout', async () => {
    const closed = await deliveryTo('http://127.0.0.1:9/hook', 'new-start');
    expect(closed.history[0]?.error).toBe('unreachable');
    const unresolvable = await deliveryTo('http://no-such-host.invalid/hook', 'ctbt');
    expect(unresolvable.history[0]?.error).toBe('unreachable');
    const slow = await deliveryTo(hanging.url, 'npt', hanging.secret);
    expect(slow.history[0]?.error).toBe('timeout');
  });

  it('masks the password of a URL in every answer, and keeps it when the masked URL is sent back', async () => {
    const url = 'http://wire:s3cret@127.0.0.1:9/hook';
    const created = await allowing.api.post<CreateWebhookResponse>('/api/webhooks', { url, treaties: ['tpnw'] });
    expect(created.body.endpoint.url).toBe('http://***@127.0.0.1:9/hook');
    const id = created.body.endpoint.id;
    const answers = [
      created.body,
      (await allowing.api.get('/api/webhooks')).body,
      (await allowing.api.get(`/api/webhooks/${id}`)).body,
      (await allowing.api.patch(`/api/webhooks/${id}`, { url: 'http://***@127.0.0.1:9/hook', description: 'Wire' })).body,
    ];
    for (const answer of answers) expect(JSON.stringify(answer)).not.toMatch(/s3cret|wire:/);
    expect((await allowing.server.app.store.getWebhook(id))?.url).toBe(url);
    const moved = await allowing.api.patch<WebhookResponse>(`/api/webhooks/${id}`, { url: 'http://desk:n3w@127.0.0.1:9/hook' });
    expect(moved.body.endpoint.url).toBe('http://***@127.0.0.1:9/hook');
    expect((await allowing.server.app.store.getWebhook(id))?.url).toBe('http://desk:n3w@127.0.0.1:9/hook');
  });

  it('sends the URL credentials as HTTP Basic authentication', async () => {
    const seen: string[] = [];
    const basic = http.createServer((req, res) => {
      seen.push(req.headers.authorization ?? '');
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => basic.listen(0, '127.0.0.1', resolve));
    try {
      const port = (basic.address() as AddressInfo).port;
      const delivery = await deliveryTo(`http://wire:s3cret@127.0.0.1:${port}/hook`, 'open-skies');
      expect(delivery.history[0]).toMatchObject({ status: 204 });
      expect(seen).toEqual([`Basic ${Buffer.from('wire:s3cret').toString('base64')}`]);
    } finally {
      await new Promise((resolve) => basic.close(resolve));
    }
  });
});
