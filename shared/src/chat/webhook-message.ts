import type { WebhookFormat, WebhookPayload } from '../webhook';
import { summariseChange } from './change-summary';
import { discordMessage, type DiscordMessage } from './discord-message';
import { slackMessage, type SlackMessage } from './slack-message';
import { teamsMessage, type TeamsMessage } from './teams-message';

export type WebhookMessage = WebhookPayload | SlackMessage | TeamsMessage | DiscordMessage;

/**
 * The body an endpoint of this format receives for a change. The server sends it; the admin
 * page previews it with the same function, so the preview is what arrives.
 */
export function webhookMessage(format: WebhookFormat, payload: WebhookPayload, publicUrl: string): WebhookMessage {
  if (format === 'standard') return payload;
  const summary = summariseChange(payload.data, publicUrl, payload.timestamp);
  if (format === 'slack') return slackMessage(summary);
  if (format === 'teams') return teamsMessage(summary);
  return discordMessage(summary);
}
