import type { Update } from '@treaty-watch/shared';
import { relativeAge, formatDateTime } from '../lib/time';
import { StatusMove, UpdateHeadline } from './update-line';
import './feed.css';

/** One line of the live feed: what readers see of an update (the editor's preview shows the same). */
export function FeedItem({ update, treatyName, now, fresh }: { update: Update; treatyName: string; now: number; fresh: boolean }) {
  return (
    <li className={fresh ? 'just-arrived' : undefined}>
      <span className="feed-treaty">{treatyName}</span>
      <UpdateHeadline update={update} />
      <span className="feed-meta">
        <time dateTime={update.occurredAt} title={formatDateTime(update.occurredAt)}>
          {relativeAge(update.occurredAt, now)}
        </time>
        <StatusMove update={update} />
        {update.correctedAt && <span className="corrected">corrected</span>}
        {update.sourceUrl && (
          <a href={update.sourceUrl} target="_blank" rel="noopener noreferrer">
            source
          </a>
        )}
      </span>
    </li>
  );
}
