import { Suspense, useDeferredValue, useEffect, type ComponentType } from 'react';
import { displayStatus } from '@treaty-watch/shared';
import type { BoardState } from '../../lib/board-state';
import { useLocation } from '../../lib/router';
import { useBoard } from '../../lib/use-board';
import { useNow } from '../../lib/use-now';
import { STATUS_ORDER } from '../../components/status-style';
import { LiveFeed } from '../../components/live-feed';
import { TreatyCard } from '../../components/treaty-card';
import { ConnectionIndicator } from '../../components/connection-indicator';
import { UtcClock } from '../../components/utc-clock';
import { BreakingBanner } from './breaking-banner';
import { screenOptions } from './screen-options';
import { StaleBanner } from './stale-banner';
import { Ticker } from './ticker';
import './screen.css';
import { own } from '../../lib/own';
import { installScreenWorker } from './offline/screen-worker';
import { useWakeLock } from './offline/use-wake-lock';

/** The screen's charts: another feature's, handed in by the app (lazily: Recharts is large). */
export type ScreenChartsView = ComponentType<{ board: BoardState; only: readonly string[] | undefined; now: number }>;

/** A desk showing two treaties gets two big cards side by side, not a third of the screen each. */
const columnsFor = (cards: number) => (cards <= 2 ? Math.max(1, cards) : cards <= 4 ? 2 : 3);

/** The wall screen: the whole viewport, no scrolling, no cursor, readable from five metres. */
export function ScreenPage({ Charts }: { Charts: ScreenChartsView }) {
  const { search } = useLocation();
  const options = screenOptions(search);
  const { board, connection } = useBoard();
  const now = useNow();
  useEffect(installScreenWorker, []);
  useWakeLock();
  // A breaking change reaches the cards, banner and feed first; the chart follows.
  const chartsBoard = useDeferredValue(board);
  const wanted = (treatyId: string) => !options.treaties || options.treaties.includes(treatyId);
  const treaties = board.treaties
    .filter((t) => wanted(t.id))
    .sort((a, b) => STATUS_ORDER.indexOf(displayStatus(a, now)) - STATUS_ORDER.indexOf(displayStatus(b, now)));
  // A desk's screen shows its own treaties everywhere: the feed, the ticker and what breaks.
  const updates = options.treaties ? board.updates.filter((u) => wanted(u.treatyId)) : board.updates;
  const latest = updates[0];
  const arrived = latest && own(board.arrivals, latest.id);
  const breaking = latest && arrived !== undefined && now - arrived < options.bannerMs ? latest : undefined;

  return (
    <div className={`screen${breaking ? ' is-breaking' : ''}`}>
      <header className="screen-header">
        <p className="screen-title">Treaty Watch{options.name && <span className="screen-name"> · {options.name}</span>}</p>
        <ConnectionIndicator connection={connection} utc />
        <UtcClock />
      </header>
      <StaleBanner connection={connection} />
      {breaking && <BreakingBanner update={breaking} treaty={board.treaties.find((t) => t.id === breaking.treatyId)} />}
      <main className="screen-main">
        {board.seq === undefined ? (
          <p className="loading">Connecting to the board…</p>
        ) : (
          <div className="screen-cards" data-columns={columnsFor(treaties.length)}>
            {treaties.map((treaty) => (
              <TreatyCard key={treaty.id} treaty={treaty} now={now} highlight={own(board.highlights, treaty.id)} noteOnDemand={false} />
            ))}
          </div>
        )}
        <aside className="screen-side">
          <Suspense fallback={null}>{board.seq !== undefined && <Charts board={chartsBoard} only={options.treaties} now={now} />}</Suspense>
          <LiveFeed updates={updates} treaties={board.treaties} arrivals={board.arrivals} now={now} />
        </aside>
      </main>
      <footer className="screen-footer">
        <Ticker updates={updates} treaties={board.treaties} />
      </footer>
    </div>
  );
}
