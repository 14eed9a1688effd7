import { useBoard } from '../../lib/use-board';
import { useNow } from '../../lib/use-now';
import { HeadlineStrip } from './headline-strip';
import { LiveFeed } from './live-feed';
import { StatusGroups } from './status-groups';
import './board.css';

export function BoardPage() {
  const { board, connection } = useBoard();
  const now = useNow();
  if (board.seq === undefined) {
    return (
      <p className="loading" aria-busy="true">
        {connection.status === 'offline' ? 'The server cannot be reached. The board appears as soon as it answers.' : 'Loading the board…'}
      </p>
    );
  }
  return (
    <>
      <HeadlineStrip update={board.updates[0]} treaties={board.treaties} now={now} />
      <div className="board-layout">
        <StatusGroups treaties={board.treaties} now={now} highlights={board.highlights} />
        <LiveFeed updates={board.updates} treaties={board.treaties} arrivals={board.arrivals} now={now} />
      </div>
    </>
  );
}
