import type { LiveBoard } from '../lib/live-view';
import { formatLocalTime, formatUtcTime } from '../lib/time';

const TEXT = {
  connecting: () => 'Connecting…',
  live: () => 'Live',
  reconnecting: () => 'Reconnecting…',
  offline: (since: string) => `Offline since ${since}`,
};

/**
 * Whether what the board shows is live: a newsroom must never mistake a stale board for news.
 * A reader's page gives the time in the reader's zone; a wall screen in UTC, as its clock does.
 */
export function ConnectionIndicator({ connection, utc = false }: { connection: LiveBoard['connection']; utc?: boolean }) {
  const since = (utc ? formatUtcTime : formatLocalTime)(connection.since);
  return (
    <p role="status" className={`connection connection-${connection.status}`} data-connection={connection.status}>
      <span className="connection-dot" aria-hidden="true" />
      {TEXT[connection.status](since)}
    </p>
  );
}
