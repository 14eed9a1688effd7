import type { Treaty, Update } from '@treaty-watch/shared';
import { formatDateTime, relativeAge } from '../../lib/time';

const SHOWN = 8;

/** "12 s ago" for the last minute, where a desk needs to know whether a colleague just beat them to it. */
export function secondsAgo(iso: string, now: number): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 0) return relativeAge(iso, now);
  if (seconds < 60) return `${seconds} s ago`;
  return relativeAge(iso, now);
}

/** Who on the desk posted what, newest first, kept live by the board's changes. */
export function DeskActivity({ updates, treaties, now }: { updates: readonly Update[]; treaties: readonly Treaty[]; now: number }) {
  const names = new Map(treaties.map((t) => [t.id, t.shortName]));
  const latest = [...updates].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt)).slice(0, SHOWN);
  return (
    <section className="desk-activity" aria-labelledby="desk-activity-heading">
      <h2 id="desk-activity-heading">Desk activity</h2>
      {latest.length === 0 ? (
        <p className="empty">Nothing posted yet.</p>
      ) : (
        <ol>
          {latest.map((update) => (
            <li key={update.id} data-update-id={update.id}>
              <strong className="activity-author">{update.author}</strong> posted “{update.headline}” to{' '}
              {names.get(update.treatyId) ?? update.treatyId},{' '}
              <time dateTime={update.publishedAt} title={formatDateTime(update.publishedAt)}>
                {secondsAgo(update.publishedAt, now)}
              </time>
              {update.retractedAt && <span className="retracted"> (retracted)</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
