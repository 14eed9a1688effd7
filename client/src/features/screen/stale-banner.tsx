import type { BoardView } from '../../lib/board-connection';
import { pad2 } from '../../lib/time';

/** Screens give times in UTC, labelled, like their clock: a newsroom spans time zones. */
const hms = (ms: number) => {
  const d = new Date(ms);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC`;
};

/** A screen that lost the server says so plainly: nobody should read a stale board as news. */
export function StaleBanner({ connection }: { connection: BoardView['connection'] }) {
  if (connection.status !== 'offline') return null;
  return (
    <p className="stale" role="alert">
      Stale since {hms(connection.since)} — reconnecting by itself
    </p>
  );
}
