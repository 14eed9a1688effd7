import { memo } from 'react';
import type { BoardState } from '../../lib/board-state';
import { ActivityChart } from './activity-chart';
import { DataExchangeChart } from './data-exchange-chart';
import { LifespanChart } from './lifespan-chart';
import { useEventDates } from './use-event-dates';

const MINUTE = 60_000;

/**
 * The board's charts, drawn from the same state as the cards, so a posted update moves them too.
 * Time is taken to the minute: the charts cannot show seconds, and redrawing them every second
 * would cost a wall screen more than everything else on it.
 */
const ChartsToTheMinute = memo(function ChartsToTheMinute({ board, minute }: { board: BoardState; minute: number }) {
  const now = minute * MINUTE;
  const events = useEventDates(board.updates);
  return (
    <section className="charts" aria-label="Charts">
      <h2>Charts</h2>
      <LifespanChart treaties={board.treaties} events={events} now={now} />
      <DataExchangeChart treaty={board.treaties.find((t) => t.id === 'new-start')} now={now} />
      <ActivityChart activity={board.activity} />
    </section>
  );
});

export default function ChartsPanel({ board, now }: { board: BoardState; now: number }) {
  return <ChartsToTheMinute board={board} minute={Math.floor(now / MINUTE)} />;
}
