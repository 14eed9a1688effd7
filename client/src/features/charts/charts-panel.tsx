import type { BoardState } from '../../lib/board-state';
import { ActivityChart } from './activity-chart';
import { DataExchangeChart } from './data-exchange-chart';
import { LifespanChart } from './lifespan-chart';
import { useEventDates } from './use-event-dates';
import './charts.css';

/** The board's charts, drawn from the same state as the cards, so a posted update moves them too. */
export default function ChartsPanel({ board, now }: { board: BoardState; now: number }) {
  const events = useEventDates(board.updates);
  return (
    <section className="charts" aria-label="Charts">
      <h2>Charts</h2>
      <LifespanChart treaties={board.treaties} events={events} now={now} />
      <DataExchangeChart treaty={board.treaties.find((t) => t.id === 'new-start')} now={now} />
      <ActivityChart activity={board.activity} />
    </section>
  );
}
