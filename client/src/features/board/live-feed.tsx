import type { Treaty, Update } from '@treaty-watch/shared';
import { relativeAge, formatDateTime } from '../../lib/time';
import { StatusMove, UpdateHeadline } from './update-line';
import { own } from '../../lib/own';

/** A new item stays marked this long. */
const ARRIVAL_MS = 8000;
const SHOWN = 30;

export function LiveFeed({ updates, treaties, arrivals, now }: { updates: Update[]; treaties: Treaty[]; arrivals: Record<string, number>; now: number }) {
  const names = new Map(treaties.map((t) => [t.id, t.shortName]));
  return (
    <section className="live-feed" aria-label="Live feed">
      <h2>Latest updates</h2>
      {updates.length === 0 ? (
        <p className="empty">No updates yet.</p>
      ) : (
        <ol>
          {updates.slice(0, SHOWN).map((update) => {
            const arrived = own(arrivals, update.id);
            const fresh = arrived !== undefined && now - arrived < ARRIVAL_MS;
            return (
              <li key={update.id} className={fresh ? 'just-arrived' : undefined}>
                <span className="feed-treaty">{names.get(update.treatyId) ?? update.treatyId}</span>
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
          })}
        </ol>
      )}
    </section>
  );
}
