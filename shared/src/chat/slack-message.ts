import type { ChangeSummary } from './change-summary';
import { fit, markupSafeUrl, slackEscape } from './chat-text';

/** Block Kit's limits: a header's plain text 150 characters, a section's text and a field 3000 and 2000. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const FIELD_MAX = 2000;

type Text = { type: 'plain_text' | 'mrkdwn'; text: string };
export type SlackBlock =
  { type: 'header'; text: Text } | { type: 'section'; text?: Text; fields?: Text[] } | { type: 'context'; elements: Text[] };

/** An incoming-webhook message: `text` is what notifications show, `blocks` what the channel shows. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

const mrkdwn = (text: string): Text => ({ type: 'mrkdwn', text });
const link = (url: string, label: string) => `<${markupSafeUrl(url)}|${label}>`;

export function slackMessage(summary: ChangeSummary): SlackMessage {
  const fields: Text[] = [];
  if (summary.statusMove) fields.push(mrkdwn(`*Status*\n${fit(summary.statusMove, slackEscape, FIELD_MAX - 10)}`));
  if (summary.partyMove) fields.push(mrkdwn(`*Party*\n${fit(summary.partyMove, slackEscape, FIELD_MAX - 10)}`));
  const links = [link(summary.treatyUrl, 'Treaty page'), ...(summary.sourceUrl ? [link(summary.sourceUrl, 'Source')] : [])];
  return {
    text: fit(`${summary.treatyShortName}: ${summary.headline}`, slackEscape, SECTION_MAX),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: fit(`${summary.treatyShortName} · ${summary.what}`, slackEscape, HEADER_MAX) } },
      { type: 'section', text: mrkdwn(fit(summary.headline, slackEscape, SECTION_MAX)) },
      ...(fields.length ? [{ type: 'section' as const, fields }] : []),
      { type: 'context', elements: [mrkdwn(`${fit(summary.treatyName, slackEscape, 1000)} · ${links.join(' · ')}`)] },
    ],
  };
}
