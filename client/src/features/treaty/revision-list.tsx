import type { Revision, Update } from '@treaty-watch/shared';
import { formatDateTime, isoDate } from '../../lib/time';
import { WordingDiff } from './wording-diff';

type Wording = Pick<Revision, 'headline' | 'body' | 'sourceUrl'>;

const FIELDS: [keyof Wording, string][] = [
  ['headline', 'Headline'],
  ['body', 'Body'],
  ['sourceUrl', 'Source URL'],
];

/**
 * Every earlier wording of an update, each with what the correction after it changed and who
 * made that correction when: revision n was replaced by revision n+1, the last by today's wording.
 */
export function RevisionList({ update }: { update: Update }) {
  const revisions = update.revisions ?? [];
  if (revisions.length === 0) return null;
  return (
    <details className="revisions">
      <summary>Earlier wording ({revisions.length})</summary>
      <ol>
        {revisions.map((revision, index) => {
          const next: Wording = revisions[index + 1] ?? update;
          const changed = FIELDS.filter(([field]) => (revision[field] ?? '') !== (next[field] ?? ''));
          return (
            <li key={`${revision.replacedAt} ${index}`}>
              <q>{revision.headline}</q>
              {revision.body && <p className="revision-body">{revision.body}</p>}
              <p className="revision-meta">
                Corrected{' '}
                <time dateTime={revision.replacedAt} title={isoDate(revision.replacedAt)}>
                  {formatDateTime(revision.replacedAt)}
                </time>{' '}
                by {revision.replacedBy}
              </p>
              {changed.length > 0 && (
                <dl className="revision-changes" aria-label="What the correction changed">
                  {changed.map(([field, label]) => (
                    <div key={field}>
                      <dt>{label}</dt>
                      <dd>
                        <WordingDiff before={revision[field] ?? ''} after={next[field] ?? ''} />
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
