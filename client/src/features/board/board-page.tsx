import { useLocation } from '../../lib/router';
import { useBoard } from '../../lib/use-board';
import { useNow } from '../../lib/use-now';
import { AsOfBoard } from './as-of-board';
import { AsOfControl } from './as-of-control';
import { BoardView, type BoardCharts } from './board-view';

export function BoardPage({ Charts }: { Charts: BoardCharts }) {
  const { search } = useLocation();
  const asOf = search.get('asOf');
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) return <AsOfBoard key={asOf} day={asOf} Charts={Charts} />;
  return <CurrentBoard Charts={Charts} />;
}

function CurrentBoard({ Charts }: { Charts: BoardCharts }) {
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
      <BoardView board={board} now={now} Charts={Charts} />
      <AsOfControl />
    </>
  );
}
