import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS, type Change, type ChangeKind } from '../change';
import type { Treaty } from '../treaty';
import type { Update } from '../update';
import type { WebhookPayload } from '../webhook';
import { discordEscape, fit, slackEscape, teamsEscape } from './chat-text';
import type { DiscordMessage } from './discord-message';
import { samplePayload } from './sample-change';
import type { SlackMessage } from './slack-message';
import type { TeamsMessage } from './teams-message';
import { webhookMessage } from './webhook-message';

const AT = '2026-02-05T12:00:00.000Z';
const HOSTILE = '<!channel> @everyone <http://evil|x> [x](http://evil) **bold**';

const treaty: Treaty = {
  id: 'new-start',
  name: 'Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms',
  shortName: 'New START',
  parties: 'United States and Russian Federation',
  category: 'strategic_arms',
  status: 'suspended',
  statusSince: AT,
  summary: '',
  sources: [],
  version: 3,
  updatedAt: AT,
};

const update: Update = {
  id: 'u1',
  seq: 7,
  treatyId: 'new-start',
  headline: 'Russia suspends its participation',
  status: 'suspended',
  previousStatus: 'in_force',
  sourceUrl: 'https://example.org/news?a=1&b=(2)',
  occurredAt: AT,
  publishedAt: AT,
  author: 'desk',
  party: { code: 'RU', action: 'suspended' },
};

function changeOf(kind: ChangeKind, overrides: Partial<Update> = {}): Change {
  const withUpdate = kind.startsWith('update.');
  return { seq: 7, kind, treaty, ...(withUpdate ? { update: { ...update, ...overrides } } : {}) };
}
const payloadOf = (change: Change): WebhookPayload => ({ type: change.kind, timestamp: AT, data: change });

const slack = (change: Change) => webhookMessage('slack', payloadOf(change), 'https://watch.example/') as SlackMessage;
const teams = (change: Change) => webhookMessage('teams', payloadOf(change), 'https://watch.example') as TeamsMessage;
const discord = (change: Change) => webhookMessage('discord', payloadOf(change), 'https://watch.example') as DiscordMessage;

const slackTexts = (message: SlackMessage) =>
  message.blocks.flatMap((block) =>
    'elements' in block ? block.elements : [...(block.text ? [block.text] : []), ...('fields' in block ? (block.fields ?? []) : [])],
  );

describe('escaping for each format', () => {
  it('leaves Slack no mention, no link and no entity of its own', () => {
    expect(fit(HOSTILE, slackEscape, 3000)).toBe('&lt;!channel&gt; @everyone &lt;http://evil|x&gt; [x](http://evil) **bold**');
    expect(fit('R&D', slackEscape, 3000)).toBe('R&amp;D');
  });

  it('leaves Discord no mention, no masked link and no emphasis', () => {
    expect(fit(HOSTILE, discordEscape, 4096)).toBe(
      '\\<!channel\\> @\u200beveryone \\<http://evil\\|x\\> \\[x\\]\\(http://evil\\) \\*\\*bold\\*\\*',
    );
    expect(fit('<@123> @here', discordEscape, 100)).toBe('\\<@\u200b123\\> @\u200bhere');
  });

  it('leaves an Adaptive Card no markdown and no date function', () => {
    expect(fit(HOSTILE, teamsEscape, 1000)).toBe(
      '\\<\\!channel\\> @everyone \\<http://evil\\|x\\> \\[x\\]\\(http://evil\\) \\*\\*bold\\*\\*',
    );
    expect(fit('{{DATE(2017-02-14T06:08:00Z)}}', teamsEscape, 1000)).toBe('\\{\\{DATE\\(2017\\-02\\-14T06:08:00Z\\)\\}\\}');
  });

  it('puts a line break or control character nowhere', () => {
    expect(fit('one\nline\u0000\u2028here', slackEscape, 100)).toBe('one line here');
  });
});

describe('cutting to a limit', () => {
  it('never splits an escape or a character outside the BMP, and ends with an ellipsis', () => {
    expect(fit('&&&&', slackEscape, 11)).toBe('&amp;&amp;…');
    expect(fit('****', discordEscape, 6)).toBe('\\*\\*…');
    expect(fit('😀😀😀', slackEscape, 5)).toBe('😀😀…');
    for (let max = 1; max < 40; max += 1) expect(fit(HOSTILE.repeat(3), discordEscape, max).length).toBeLessThanOrEqual(max);
  });

  it('keeps every field of a long, hostile change inside the platforms’ limits', () => {
    const long = { ...treaty, name: '*'.repeat(400), shortName: '@'.repeat(60) };
    const change: Change = { seq: 1, kind: 'update.posted', treaty: long, update: { ...update, headline: '['.repeat(200) } };
    const s = slack(change);
    expect(slackTexts(s)[0]?.text.length).toBeLessThanOrEqual(150);
    for (const text of slackTexts(s)) expect(text.text.length).toBeLessThanOrEqual(3000);
    expect(s.text.length).toBeLessThanOrEqual(3000);
    const [embed] = discord(change).embeds;
    expect(embed.title.length).toBeLessThanOrEqual(256);
    expect(embed.description.length).toBeLessThanOrEqual(4096);
    expect(embed.footer.text.length).toBeLessThanOrEqual(2048);
    for (const field of embed.fields) expect(field.value.length).toBeLessThanOrEqual(1024);
    const total =
      embed.title.length +
      embed.description.length +
      embed.footer.text.length +
      embed.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
  });
});

describe('the Slack message', () => {
  it('names the treaty and the headline, the status and party moves, and links the source and the treaty page', () => {
    const message = slack(changeOf('update.posted'));
    expect(message.text).toBe('New START: Russia suspends its participation');
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'New START · Update posted' } });
    expect(message.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Russia suspends its participation' } });
    expect(message.blocks[2]).toEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Status*\nIn force → Suspended' },
        { type: 'mrkdwn', text: '*Party*\nRussia: Suspended' },
      ],
    });
    const context = JSON.stringify(message.blocks[3]);
    expect(context).toContain('<https://watch.example/treaties/new-start|Treaty page>');
    expect(context).toContain('<https://example.org/news?a=1%26b=%282%29|Source>');
  });
});

describe('the Teams message', () => {
  it('carries one Adaptive Card 1.5 with the treaty, headline, moves and links', () => {
    const message = teams(changeOf('update.posted'));
    expect(message.type).toBe('message');
    expect(message.attachments).toHaveLength(1);
    const [{ contentType, content }] = message.attachments;
    expect(contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(content).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(content.body[0]).toMatchObject({ type: 'TextBlock', text: 'New START · Update posted' });
    expect(content.body[1]).toMatchObject({ type: 'TextBlock', text: 'Russia suspends its participation' });
    expect(content.body[2]).toEqual({
      type: 'FactSet',
      facts: [
        { title: 'Status', value: 'In force → Suspended' },
        { title: 'Party', value: 'Russia: Suspended' },
      ],
    });
    expect(content.actions.map((a) => a.url)).toEqual(['https://watch.example/treaties/new-start', 'https://example.org/news?a=1&b=(2)']);
  });
});

describe('the Discord message', () => {
  it('has one embed coloured by the status, pinging nobody', () => {
    const message = discord(changeOf('update.posted'));
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds).toHaveLength(1);
    const [embed] = message.embeds;
    expect(embed).toMatchObject({
      title: 'New START · Update posted',
      url: 'https://watch.example/treaties/new-start',
      description: 'Russia suspends its participation',
      color: 0xd55e00,
      timestamp: AT,
    });
    expect(embed.fields).toEqual([
      { name: 'Status', value: 'In force → Suspended', inline: true },
      { name: 'Party', value: 'Russia: Suspended', inline: true },
      { name: 'Source', value: '[example.org](https://example.org/news?a=1%26b=%282%29)' },
    ]);
  });
});

describe('every kind of change', () => {
  it.each(CHANGE_KINDS)('%s renders in every format, naming the treaty', (kind) => {
    const change = changeOf(
      kind,
      kind === 'update.retracted' ? { retractedAt: AT, retractionReason: 'wrong', requestedStatus: 'suspended', status: undefined } : {},
    );
    if (kind === 'treaty.expired') change.treaty = { ...treaty, status: 'expired' };
    const s = slack(change);
    const t = teams(change);
    const d = discord(change);
    for (const rendered of [s.text, JSON.stringify(t), d.embeds[0].title]) expect(rendered).toContain('New START');
    expect(d.embeds[0].color).toBe(kind === 'treaty.expired' ? 0x0072b2 : 0xd55e00);
    expect(t.attachments[0].content.body.length).toBeGreaterThanOrEqual(3);
  });

  it('says what each kind did', () => {
    expect(slack(changeOf('update.corrected')).blocks[1]).toMatchObject({ text: { text: 'Corrected: Russia suspends its participation' } });
    const retracted = changeOf('update.retracted', { retractionReason: 'wrong source', requestedStatus: 'suspended', status: undefined });
    retracted.treaty = { ...treaty, status: 'in_force' };
    expect(discord(retracted).embeds[0].description).toBe('Retracted: Russia suspends its participation \\(wrong source\\)');
    expect(discord(retracted).embeds[0].fields[0]).toEqual({ name: 'Status', value: 'Suspended → In force', inline: true });
    const created = teams(changeOf('treaty.created')).attachments[0].content.body[1];
    expect(created && 'text' in created ? created.text : undefined).toContain('is now on the board');
    expect(slack({ ...changeOf('treaty.expired'), treaty: { ...treaty, status: 'expired' } }).blocks[2]).toMatchObject({
      fields: [{ text: '*Status*\n→ Expired' }],
    });
  });

  it('standard is the Standard Webhooks payload itself', () => {
    const payload = samplePayload(AT);
    expect(webhookMessage('standard', payload, 'https://watch.example')).toBe(payload);
  });
});
