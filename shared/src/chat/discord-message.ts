import type { Status } from '../status';
import type { ChangeSummary } from './change-summary';
import { discordEscape, fit, markupSafeUrl } from './chat-text';

/** Discord's embed limits: title 256, description 4096, field name 256, field value 1024. */
const TITLE_MAX = 256;
const DESCRIPTION_MAX = 4096;
const FIELD_MAX = 1024;
const FOOTER_MAX = 256;
/** And all of an embed's texts together at most 6000: the description gets what the rest leaves. */
const TOTAL_MAX = 6000;

/** The board's status colours (client/src/styles/base.css), as Discord's integer RGB. */
export const DISCORD_STATUS_COLOURS: Record<Status, number> = {
  negotiating: 0xf0e442,
  signed: 0x56b4e9,
  in_force: 0x009e73,
  suspended: 0xd55e00,
  withdrawal_pending: 0xcc79a7,
  abandoned: 0x9a9a9a,
  expired: 0x0072b2,
};

export interface DiscordEmbed {
  title: string;
  url: string;
  description: string;
  color: number;
  fields: { name: string; value: string; inline?: boolean }[];
  timestamp: string;
  footer: { text: string };
}

export interface DiscordMessage {
  embeds: [DiscordEmbed];
  /** Nothing in the message may ping anyone, whatever slipped through the escaping. */
  allowed_mentions: { parse: [] };
}

export function discordMessage(summary: ChangeSummary): DiscordMessage {
  const fields = [
    ...(summary.statusMove ? [{ name: 'Status', value: fit(summary.statusMove, discordEscape, FIELD_MAX), inline: true }] : []),
    ...(summary.partyMove ? [{ name: 'Party', value: fit(summary.partyMove, discordEscape, FIELD_MAX), inline: true }] : []),
    ...(summary.sourceUrl
      ? [
          {
            name: 'Source',
            value: `[${fit(new URL(summary.sourceUrl).hostname, discordEscape, 200)}](${markupSafeUrl(summary.sourceUrl)})`,
          },
        ]
      : []),
  ];
  const title = fit(`${summary.treatyShortName} · ${summary.what}`, discordEscape, TITLE_MAX);
  const footer = fit(summary.treatyName, discordEscape, FOOTER_MAX);
  const used = title.length + footer.length + fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return {
    embeds: [
      {
        title,
        url: summary.treatyUrl,
        description: fit(summary.headline, discordEscape, Math.min(DESCRIPTION_MAX, TOTAL_MAX - used)),
        color: DISCORD_STATUS_COLOURS[summary.status],
        fields,
        timestamp: summary.at,
        footer: { text: footer },
      },
    ],
    allowed_mentions: { parse: [] },
  };
}
