import type { LiveBoard } from '../../lib/live-view';
import { formatUtcTime } from '../../lib/time';

/** A screen that lost the server says so plainly: nobody should read a stale board as news. */
export function StaleBanner({ connection }: { connection: LiveBoard['connection'] }) {
  if (connection.status !== 'offline') return null;
  return (
    <p className="stale" role="alert">
      Stale since {formatUtcTime(connection.since)} — reconnecting by itself
    </p>
  );
}
