import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  AuditResponse,
  CreateWebhookResponse,
  DeliveriesResponse,
  DiscordMessage,
  Problem,
  SlackMessage,
  TeamsMessage,
  WebhookFormat,
  WebhookResponse,
  WebhookTestResponse,
} from '@treaty-watch/shared';
import { useServer } from '../support/use-server';
import { WebhookReceiver } from '../support/webhook-receiver';
import { stringContaining } from '../support/matchers';

const board = useServer();
const HOSTILE = '<!channel> @everyone <http://evil|x> [x](http://evil) **bold**';
const receivers: WebhookReceiver[] = [];
const endpoints: string[] = [];

/** A receiver that checks the Standard Webhooks signature (chat formats are signed too) and an endpoint of this format for it. */
async function subscribe(format: WebhookFormat | undefined, options: Record<string, unknown> = {}) {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const receiver = new WebhookReceiver(secret);
  await receiver.start();
  receivers.push(receiver);
  const created = await board.api.post<CreateWebhookResponse>('/api/webhooks', {
    url: receiver.url,
    secret,
    ...(format ? { format } : {}),
    ...options,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  endpoints.push(created.body.endpoint.id);
  return { receiver, endpoint: created.body.endpoint };
}

/** What arrived, as the chat service would read it. */
const bodies = <T>(receiver: WebhookReceiver) => receiver.delivered.map((r) => r.payload as unknown as T);

afterEach(async () => {
  for (const id of endpoints.splice(0)) await board.api.delete(`/api/webhooks/${id}`);
  for (const receiver of receivers.splice(0)) await receiver.stop();
});

describe('webhook formats', () => {
  it('are standard unless asked, and can be changed; an unknown one is refused and changes nothing', async () => {
    const { endpoint } = await subscribe(undefined);
    expect(endpoint.format).toBe('standard');
    const changed = await board.api.patch<WebhookResponse>(`/api/webhooks/${endpoint.id}`, { format: 'discord' });
    expect(changed.body.endpoint.format).toBe('discord');
    for (const format of ['irc', '', 'SLACK', 'slack\u0000', 'x'.repeat(10_000), 7, null, ['slack']]) {
      const refused = await board.api.patch<Problem>(`/api/webhooks/${endpoint.id}`, { format });
      expect(refused.status, JSON.stringify(format)).toBe(400);
      expect(refused.body.errors?.map((e) => e.field)).toContain('format');
      const created = await board.api.post<Problem>('/api/webhooks', { url: 'http://127.0.0.1:9/hook', format });
      expect(created.status).toBe(400);
    }
    expect((await board.api.get<WebhookResponse>(`/api/webhooks/${endpoint.id}`)).body.endpoint.format).toBe('discord');
  });

  it('deliver an update to Slack, Teams and Discord as their messages, with the headline inert in each', async () => {
    const slack = await subscribe('slack', { treaties: ['ctbt'] });
    const teams = await subscribe('teams', { treaties: ['ctbt'] });
    const discord = await subscribe('discord', { treaties: ['ctbt'] });
    const standard = await subscribe('standard', { treaties: ['ctbt'] });
    expect((await board.api.postUpdate('ctbt', { headline: 'Plain news', sourceUrl: 'https://example.org/ctbt' })).status).toBe(201);
    expect((await board.api.postUpdate('ctbt', { headline: HOSTILE })).status).toBe(201);
    for (const { receiver } of [slack, teams, discord, standard])
      await receiver.until(() => receiver.delivered.length === 2, 10_000, 'both updates');
    const page = `${board.server.url}/treaties/ctbt`;

    const [plainSlack, hostileSlack] = bodies<SlackMessage>(slack.receiver);
    expect(plainSlack?.text).toBe('CTBT: Plain news');
    expect(plainSlack?.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'CTBT · Update posted' } });
    expect(plainSlack?.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Plain news' } });
    expect(JSON.stringify(plainSlack?.blocks)).toContain(`<${page}|Treaty page>`);
    expect(JSON.stringify(plainSlack?.blocks)).toContain('<https://example.org/ctbt|Source>');
    expect(hostileSlack?.blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '&lt;!channel&gt; @everyone &lt;http://evil|x&gt; [x](http://evil) **bold**' },
    });
    expect(hostileSlack?.text).toBe('CTBT: &lt;!channel&gt; @everyone &lt;http://evil|x&gt; [x](http://evil) **bold**');

    const [plainTeams, hostileTeams] = bodies<TeamsMessage>(teams.receiver);
    expect(plainTeams?.type).toBe('message');
    expect(plainTeams?.attachments).toHaveLength(1);
    expect(plainTeams?.attachments[0]).toMatchObject({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.5' },
    });
    expect(plainTeams?.attachments[0].content.body[1]).toMatchObject({ type: 'TextBlock', text: 'Plain news' });
    expect(plainTeams?.attachments[0].content.actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'Treaty page', url: page });
    expect(hostileTeams?.attachments[0].content.body[1]).toMatchObject({
      text: '\\<\\!channel\\> @everyone \\<http://evil\\|x\\> \\[x\\]\\(http://evil\\) \\*\\*bold\\*\\*',
    });

    const [plainDiscord, hostileDiscord] = bodies<DiscordMessage>(discord.receiver);
    expect(plainDiscord?.embeds).toHaveLength(1);
    expect(plainDiscord?.embeds[0]).toMatchObject({ title: 'CTBT · Update posted', description: 'Plain news', url: page, color: 0x56b4e9 });
    expect(plainDiscord?.allowed_mentions).toEqual({ parse: [] });
    expect(hostileDiscord?.embeds[0]?.description).toBe(
      '\\<!channel\\> @\u200beveryone \\<http://evil\\|x\\> \\[x\\]\\(http://evil\\) \\*\\*bold\\*\\*',
    );
    expect(hostileDiscord?.allowed_mentions).toEqual({ parse: [] });

    // The standard format is what it always was, and every receiver checked every signature.
    expect(standard.receiver.delivered.map((r) => r.payload.data.update?.headline)).toEqual(['Plain news', HOSTILE]);
    for (const { receiver } of [slack, teams, discord, standard]) expect(receiver.rejected).toEqual([]);
  });

  it('go through the same outbox: a failing chat endpoint is retried, in order, and logged', async () => {
    const { receiver, endpoint } = await subscribe('slack', { treaties: ['inf'] });
    receiver.failNext(1);
    await board.api.postUpdate('inf', { headline: 'Retried in Slack' });
    await board.api.postUpdate('inf', { headline: 'Behind it' });
    await receiver.until(() => receiver.delivered.length === 2, 10_000, 'both deliveries');
    expect(bodies<SlackMessage>(receiver).map((m) => m.text)).toEqual(['INF Treaty: Retried in Slack', 'INF Treaty: Behind it']);
    await expect
      .poll(async () =>
        (await board.api.get<DeliveriesResponse>(`/api/webhooks/${endpoint.id}/deliveries`)).body.deliveries.map((d) => d.state),
      )
      .toEqual(['delivered', 'delivered']);
    const log = await board.api.get<DeliveriesResponse>(`/api/webhooks/${endpoint.id}/deliveries`);
    expect(log.body.deliveries[1]?.history.map((h) => h.status)).toEqual([500, 204]);
  });

  it('switched on an endpoint, apply to what is still pending: the body is made when it is sent', async () => {
    const { receiver, endpoint } = await subscribe('standard', { treaties: ['npt'] });
    await receiver.stop();
    await board.api.postUpdate('npt', { headline: 'Waiting while the receiver is down' });
    expect((await board.api.patch(`/api/webhooks/${endpoint.id}`, { format: 'discord' })).status).toBe(200);
    await receiver.start();
    await receiver.until(() => receiver.delivered.length === 1, 10_000, 'the pending delivery');
    expect(bodies<DiscordMessage>(receiver)[0]?.embeds[0]?.description).toBe('Waiting while the receiver is down');
  });
});

describe('Send test', () => {
  it('delivers a sample in the endpoint’s format, signed, answers how the endpoint answered, and logs no delivery', async () => {
    const { receiver, endpoint } = await subscribe('teams');
    const tested = await board.api.post<WebhookTestResponse>(`/api/webhooks/${endpoint.id}/test`);
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ ok: true, attempt: { status: 204 } });
    expect(receiver.rejected).toEqual([]);
    const [card] = bodies<TeamsMessage>(receiver);
    expect(card?.attachments[0].content.body[1]).toMatchObject({ text: stringContaining('Test message from Treaty Watch') });
    expect((await board.api.get<DeliveriesResponse>(`/api/webhooks/${endpoint.id}/deliveries`)).body.deliveries).toEqual([]);
    const audit = await board.api.get<AuditResponse>('/api/audit?kind=webhook.tested');
    expect(audit.body.entries[0]).toMatchObject({ action: 'webhook.tested', target: endpoint.id });

    receiver.failAlways(503);
    const failing = await board.api.post<WebhookTestResponse>(`/api/webhooks/${endpoint.id}/test`);
    expect(failing.body).toMatchObject({ ok: false, attempt: { status: 503 } });
    expect((await board.api.get<WebhookResponse>(`/api/webhooks/${endpoint.id}`)).body.endpoint.failingSince).toBeUndefined();
  });

  it('says when nothing answered, and is not sent twice for one Idempotency-Key', async () => {
    const { receiver, endpoint } = await subscribe('slack');
    const key = { 'idempotency-key': `test-${Math.random()}` };
    const first = await board.api.post<WebhookTestResponse>(`/api/webhooks/${endpoint.id}/test`, undefined, { headers: key });
    const again = await board.api.post<WebhookTestResponse>(`/api/webhooks/${endpoint.id}/test`, undefined, { headers: key });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(receiver.received).toHaveLength(1);
    await receiver.stop();
    const unreachable = await board.api.post<WebhookTestResponse>(`/api/webhooks/${endpoint.id}/test`);
    expect(unreachable.body).toMatchObject({ ok: false, attempt: { error: 'unreachable' } });
    expect((await board.api.post<Problem>('/api/webhooks/nope/test')).status).toBe(404);
    expect((await board.api.post<Problem>('/api/webhooks/%zz/test')).status).toBe(400);
  });
});
