import type { Update } from '@treaty-watch/shared';
import { formatDate, formatDateTime, isoDate } from '../../lib/time';
import { StatusMove, UpdateHeadline } from '../board/update-line';

/** Every update of a treaty, newest first; corrections keep their earlier wording one click away. */
export function UpdateHistory({ updates }: { updates: Update[] }) {
  if (updates.length === 0) return <p className="empty">No updates yet.</p>;
  return (
    <ol className="history">
      {updates.map((update) => (
        <li key={update.id} className={update.retractedAt ? 'is-retracted' : undefined}>
          <p className="history-date">
            <time dateTime={update.occurredAt} title={isoDate(update.occurredAt)}>
              {formatDate(update.occurredAt)}
            </time>
            <StatusMove update={update} />
          </p>
          <p>
            <UpdateHeadline update={update} />
          </p>
          {update.body && <p className="history-body">{update.body}</p>}
          <p className="history-meta">
            {update.author}
            {update.sourceUrl && (
              <>
                {' · '}
                <a href={update.sourceUrl} target="_blank" rel="noopener noreferrer">
                  source
                </a>
              </>
            )}
            {update.correctedAt && <> · corrected {formatDateTime(update.correctedAt)}</>}
          </p>
          {update.revisions && update.revisions.length > 0 && (
            <details className="revisions">
              <summary>Earlier wording ({update.revisions.length})</summary>
              <ol>
                {update.revisions.map((revision) => (
                  <li key={revision.replacedAt}>
                    <q>{revision.headline}</q>
                    {revision.body && <p>{revision.body}</p>} replaced {formatDateTime(revision.replacedAt)} by {revision.replacedBy}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
