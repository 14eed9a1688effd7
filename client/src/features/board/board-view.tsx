import { lazy, Suspense, useDeferredValue } from 'react';
import type { BoardState } from '../../lib/board-state';
import { HeadlineStrip } from './headline-strip';
import { LiveFeed } from './live-feed';
import { StatusGroups } from './status-groups';
import './board.css';

/** Recharts is large; the cards and the feed must not wait for it. */
const ChartsPanel = lazy(() => import('../charts/charts-panel'));

/** The board as a state at a moment: the live one, or one rebuilt as of a past date. */
export function BoardView({ board, now, asOf }: { board: BoardState; now: number; asOf?: string }) {
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
        <ChartsPanel board={chartsBoard} now={now} />
      </Suspense>
    </>
  );
}
