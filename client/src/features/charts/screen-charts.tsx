import { memo, useEffect, useState } from 'react';
import type { Forces } from '@treaty-watch/shared';
import type { BoardState } from '../../lib/board-state';
import { ActivityChart } from './activity-chart';
import { activityOfTreaties } from './activity-of-treaties';
import { DataExchangeChart } from './data-exchange-chart';
import { GroupHoldouts } from './group-holdouts';
import { LifespanChart } from './lifespan-chart';
import { useEventDates } from './use-event-dates';

const MINUTE = 60_000;
/** Long enough to read a chart from across the room. */
const EACH_MS = 20_000;
/** The slot's turns: New START's three measures each get one, at a size that reads across the room. */
interface Turn {
  name: string;
  measure?: keyof Forces;
  /** A turn about one treaty, left out on a screen that does not show it. */
  treaty?: string;
}

const CHARTS: readonly Turn[] = [
  { name: 'Activity' },
  { name: 'Treaty lifespans' },
  { name: 'New START data exchanges', measure: 'deployedWarheads' },
  { name: 'New START data exchanges', measure: 'deployedLaunchers' },
  { name: 'New START data exchanges', measure: 'totalLaunchers' },
  { name: 'CTBT Annex 2 holdouts', treaty: 'ctbt' },
];

/** The chart slot's height follows the viewport, as the rest of the screen's type does. */
function useSlotHeight(share: number): number {
  const [height, setHeight] = useState(() => Math.round(window.innerHeight * share));
  useEffect(() => {
    const resize = () => setHeight(Math.round(window.innerHeight * share));
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, [share]);
  return height;
}

interface SlotProps {
  board: BoardState;
  /** The treaty ids the screen shows, comma-separated (a string, so the slot redraws only when they change); all when empty. */
  only: string;
  minute: number;
  chart: Turn | undefined;
  height: number;
}

const Slot = memo(function Slot({ board, only, minute, chart, height }: SlotProps) {
  const now = minute * MINUTE;
  const ids = only.split(',').filter(Boolean);
  const treaties = ids.length ? board.treaties.filter((t) => ids.includes(t.id)) : board.treaties;
  const events = useEventDates(board.updates);
  if (chart?.name === 'Treaty lifespans')
    return <LifespanChart treaties={treaties} events={events} now={now} height={height} axisWidth={Math.round(height * 0.42)} />;
  if (chart?.name === 'CTBT Annex 2 holdouts') return <GroupHoldouts treaty={board.treaties.find((t) => t.id === chart.treaty)} />;
  const measure = chart?.measure;
  if (measure)
    return <DataExchangeChart treaty={board.treaties.find((t) => t.id === 'new-start')} now={now} height={height} only={measure} />;
  return <ActivityChart activity={ids.length ? activityOfTreaties(board.activity, ids) : board.activity} height={height} />;
});

/**
 * The wall screen's charts, one at a time in turn: the side column has room for one at a size
 * that reads from five metres. Drawn from the board's state, to the minute, like the board's own.
 */
export default function ScreenCharts({ board, only, now }: { board: BoardState; only: readonly string[] | undefined; now: number }) {
  const height = useSlotHeight(0.26);
  const turns = CHARTS.filter((c) => !c.treaty || !only || only.includes(c.treaty));
  const index = Math.floor(now / EACH_MS) % turns.length;
  const chart = turns[index];
  return (
    <div className="screen-chart" data-chart={chart?.name} data-measure={chart?.measure}>
      <p className="screen-chart-position">
        Chart {index + 1}/{turns.length}
      </p>
      <Slot board={board} only={only?.join(',') ?? ''} minute={Math.floor(now / MINUTE)} chart={chart} height={height} />
    </div>
  );
}
