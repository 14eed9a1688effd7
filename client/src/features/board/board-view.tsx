import { Suspense, useDeferredValue, type ComponentType } from 'react';
import type { BoardState } from '../../lib/board-state';
import { HeadlineStrip } from './headline-strip';
import { LiveFeed } from '../../components/live-feed';
import { StatusGroups } from './status-groups';
import './board.css';

/** The charts under the board: another feature's, handed in by the app (lazily: Recharts is large). */
export type BoardCharts = ComponentType<{ board: BoardState; now: number }>;

/** The board as a state at a moment: the live one, or one rebuilt as of a past date. */
export function BoardView({ board, now, asOf, Charts }: { board: BoardState; now: number; asOf?: string; Charts: BoardCharts }) {
  // Cards and feed show a change first; the charts, which take far longer to draw, follow.
  const chartsBoard = useDeferredValue(board);
  return (
    <>
      <HeadlineStrip update={board.updates[0]} treaties={board.treaties} now={now} />
      <div className="board-layout">
        <StatusGroups treaties={board.treaties} now={now} highlights={board.highlights} asOf={asOf} />
        <LiveFeed updates={board.updates} treaties={board.treaties} arrivals={board.arrivals} now={now} />
      </div>
      <Suspense fallback={<p className="loading">Loading charts…</p>}>
        <Charts board={chartsBoard} now={now} />
      </Suspense>
    </>
  );
}
