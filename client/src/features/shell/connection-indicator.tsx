import type { BoardView } from '../../lib/board-connection';
import { formatLocalTime } from '../../lib/time';

const TEXT = {
  connecting: () => 'Connecting…',
  live: () => 'Live',
  reconnecting: () => 'Reconnecting…',
  offline: (since: number) => `Offline since ${formatLocalTime(since)}`,
};

/** Whether what the board shows is live: a newsroom must never mistake a stale board for news. */
export function ConnectionIndicator({ connection }: { connection: BoardView['connection'] }) {
  return (
    <p role="status" className={`connection connection-${connection.status}`} data-connection={connection.status}>
      <span className="connection-dot" aria-hidden="true" />
      {TEXT[connection.status](connection.since)}
    </p>
  );
}
