import type { Treaty, Update } from '@treaty-watch/shared';
import { FeedItem } from './feed-item';
import { own } from '../lib/own';

/** A new item stays marked this long. */
const ARRIVAL_MS = 8000;
const SHOWN = 30;

export function LiveFeed({
  updates,
  treaties,
  arrivals,
  now,
}: {
  updates: Update[];
  treaties: Treaty[];
  arrivals: Record<string, number>;
  now: number;
}) {
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
              <FeedItem
                key={update.id}
                update={update}
                treatyName={names.get(update.treatyId) ?? update.treatyId}
                now={now}
                fresh={fresh}
              />
            );
          })}
        </ol>
      )}
    </section>
  );
}
