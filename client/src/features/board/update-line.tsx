import { STATUS_LABELS, type Update } from '@treaty-watch/shared';

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

/** "In force → Suspended" when the update moved the treaty's status. */
export function StatusMove({ update }: { update: Update }) {
  if (!update.status) return null;
  return (
    <span className="status-move">
      {update.previousStatus ? `${STATUS_LABELS[update.previousStatus]} → ` : ''}
      {STATUS_LABELS[update.status]}
    </span>
  );
}
