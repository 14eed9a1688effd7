import type { ChangeSummary } from './change-summary';
import { fit, teamsEscape } from './chat-text';

/** Teams shows about 28 KB of card; a headline is at most 200 characters, so these only guard the escaping. */
const LINE_MAX = 1000;

type CardElement =
  | { type: 'TextBlock'; text: string; wrap: true; weight?: 'Bolder'; size?: 'Medium'; style?: 'heading'; isSubtle?: boolean }
  | { type: 'FactSet'; facts: { title: string; value: string }[] };

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.5';
  body: CardElement[];
  actions: { type: 'Action.OpenUrl'; title: string; url: string }[];
}

/** What a Teams Workflows ("Post to a channel when a webhook request is received") trigger takes. */
export interface TeamsMessage {
  type: 'message';
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard }];
}

const text = (value: string) => fit(value, teamsEscape, LINE_MAX);

export function teamsMessage(summary: ChangeSummary): TeamsMessage {
  const facts = [
    ...(summary.statusMove ? [{ title: 'Status', value: text(summary.statusMove) }] : []),
    ...(summary.partyMove ? [{ title: 'Party', value: text(summary.partyMove) }] : []),
  ];
  const card: AdaptiveCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: text(`${summary.treatyShortName} · ${summary.what}`),
        wrap: true,
        weight: 'Bolder',
        size: 'Medium',
        style: 'heading',
      },
      { type: 'TextBlock', text: text(summary.headline), wrap: true },
      ...(facts.length ? [{ type: 'FactSet' as const, facts }] : []),
      { type: 'TextBlock', text: text(summary.treatyName), wrap: true, isSubtle: true },
    ],
    // Action URLs are not markdown: they go as they are, and Teams opens them only on a click.
    actions: [
      { type: 'Action.OpenUrl', title: 'Treaty page', url: summary.treatyUrl },
      ...(summary.sourceUrl ? [{ type: 'Action.OpenUrl' as const, title: 'Source', url: summary.sourceUrl }] : []),
    ],
  };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}
