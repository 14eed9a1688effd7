import { displayStatus, STATUS_LABELS, type Treaty } from '@treaty-watch/shared';
import { CaveatMark, sinceField } from './caveat-mark';
import { PartySummaryLine } from './party-summary-line';
import type { Highlight } from '../lib/board-state';
import { partyMoveWords } from '../lib/party-summary-words';
import { navigate } from '../lib/router';
import { Countdown } from './countdown';
import { Dated } from './dated';
import { StatusChip } from './status-chip';
import './treaty-card.css';

/** A card stays marked this long after a live change. */
export const HIGHLIGHT_MS = 6000;

export function TreatyCard({
  treaty,
  now,
  highlight,
  noteOnDemand = true,
  asOf,
}: {
  treaty: Treaty;
  now: number;
  highlight: Highlight | undefined;
  /** False on the wall screen, where nobody clicks: uncertain facts are marked, their notes not offered. */
  noteOnDemand?: boolean;
  /** On the board as of a day, the card opens the treaty's states as they stood then. */
  asOf?: string;
}) {
  const status = displayStatus(treaty, now);
  const fresh = highlight && now - highlight.at < HIGHLIGHT_MS;
  const href = `/treaties/${treaty.id}${asOf && treaty.partySummary ? `?asOf=${asOf}` : ''}`;
  return (
    <article
      data-treaty-id={treaty.id}
      className={`treaty-card status-border-${status}${fresh ? ' just-changed' : ''}`}
      aria-label={treaty.shortName}
    >
      <h3>
        <a
          href={href}
          onClick={(event) => {
            event.preventDefault();
            navigate(href);
          }}
        >
          {treaty.shortName}
        </a>
      </h3>
      <StatusChip status={status} />
      <p className="since">
        {STATUS_LABELS[treaty.status]} since <Dated iso={treaty.statusSince} now={now} />
        <CaveatMark treaty={treaty} field={sinceField(treaty)} noteOnDemand={noteOnDemand} />
      </p>
      <PartySummaryLine treaty={treaty} noteOnDemand={noteOnDemand} />
      {status === 'expiring' && treaty.expiresAt && <Countdown until={treaty.expiresAt} now={now} />}
      {treaty.status === 'in_force' && status !== 'expiring' && treaty.expiresAt && (
        <p className="deadline">
          Runs to <Dated iso={treaty.expiresAt} now={now} />
          <CaveatMark treaty={treaty} field="expiresAt" noteOnDemand={noteOnDemand} />
        </p>
      )}
      {fresh && (
        <p className="what-changed">
          {highlight.from && highlight.to
            ? `${STATUS_LABELS[highlight.from]} → ${STATUS_LABELS[highlight.to]}`
            : highlight.party
              ? partyMoveWords(highlight.party)
              : 'Updated'}
        </p>
      )}
    </article>
  );
}
