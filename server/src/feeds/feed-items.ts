import { countryName, PARTY_ACTION_LABELS, STATUS_LABELS, shownUrl, type Treaty, type Update } from '@treaty-watch/shared';
import { printable } from './printable';

/** What every feed says about an update, in plain text, whatever its format. */
export interface FeedItem {
  id: string;
  title: string;
  text: string;
  treaty: Treaty | undefined;
  treatyId: string;
  url: string;
  sourceUrl?: string;
  author: string;
  published: string;
  /** The last time the item changed: corrected or retracted, else published. */
  updated: string;
  tags: string[];
}

export function feedItem(update: Update, treaty: Treaty | undefined, origin: string): FeedItem {
  const sourceUrl = shownUrl(update.sourceUrl);
  const lines: string[] = [];
  if (update.retractedAt) lines.push(`Retracted ${update.retractedAt}: ${update.retractionReason ?? ''}`.trim());
  if (update.status) {
    const from = update.previousStatus ? `${STATUS_LABELS[update.previousStatus]} → ` : '';
    lines.push(`Status: ${from}${STATUS_LABELS[update.status]}`);
  }
  if (update.party)
    lines.push(
      `${countryName(update.party.code)}: ${PARTY_ACTION_LABELS[update.party.action]}${update.party.uncertain ? ' (uncertain)' : ''}`,
    );
  if (update.body) lines.push(update.body);
  if (update.correctedAt)
    lines.push(`Corrected ${update.correctedAt}; earlier wording: ${update.revisions?.map((r) => `“${r.headline}”`).join(', ') ?? ''}`);
  // A fact the record holds without its day has a place in the log, not a date.
  lines.push(update.party?.dateUnknown ? 'Date not recorded.' : `Occurred ${update.occurredAt}.`);
  return {
    id: `urn:treaty-watch:update:${update.id}`,
    title: printable(`${update.retractedAt ? '[Retracted] ' : ''}${treaty?.shortName ?? update.treatyId}: ${update.headline}`),
    text: printable(lines.join('\n\n')),
    treaty,
    treatyId: update.treatyId,
    url: `${origin}/treaties/${update.treatyId}`,
    ...(sourceUrl ? { sourceUrl } : {}),
    author: printable(update.author),
    published: update.publishedAt,
    updated:
      [update.publishedAt, update.correctedAt, update.retractedAt]
        .filter((d): d is string => !!d)
        .sort()
        .at(-1) ?? update.publishedAt,
    tags: [update.treatyId, ...(update.retractedAt ? ['retracted'] : []), ...(update.correctedAt ? ['corrected'] : [])],
  };
}
