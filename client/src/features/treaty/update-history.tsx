import type { Update } from '@treaty-watch/shared';
import { formatDate, formatDateTime, isoDate } from '../../lib/time';
import { StatusMove, UpdateHeadline } from '../../components/update-line';
import { RevisionList } from './revision-list';
import { UpdateDesk } from './update-desk';

/**
 * Every update of a treaty, newest first; corrections keep their earlier wording one click away.
 * `editable`: the signed-in editor may correct and retract them here.
 */
export function UpdateHistory({ updates, editable = false }: { updates: Update[]; editable?: boolean }) {
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
          <RevisionList update={update} />
          {editable && <UpdateDesk update={update} />}
        </li>
      ))}
    </ol>
  );
}
