import { STATUS_LABELS, type Update } from '@treaty-watch/shared';
import { partyMoveWords } from '../lib/party-summary-words';

/** An update's headline as plain text: struck through with its reason when retracted. */
export function UpdateHeadline({ update }: { update: Update }) {
  if (update.retractedAt) {
    return (
      <>
        <del className="headline">{update.headline}</del>
        <span className="retracted"> Retracted: {update.retractionReason}</span>
      </>
    );
  }
  return <span className="headline">{update.headline}</span>;
}

/**
 * "In force → Suspended" when the update moved the treaty's status, "Egypt: Ratified" when it
 * moved a state (a retracted update no longer moves it, so says nothing).
 */
export function StatusMove({ update }: { update: Update }) {
  const party = update.party && !update.retractedAt ? update.party : undefined;
  if (!update.status && !party) return null;
  return (
    <>
      {update.status && (
        <span className="status-move">
          {update.previousStatus ? `${STATUS_LABELS[update.previousStatus]} → ` : ''}
          {STATUS_LABELS[update.status]}
        </span>
      )}
      {party && <span className="status-move party-move">{partyMoveWords(party)}</span>}
    </>
  );
}
