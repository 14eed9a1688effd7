import type { KeyDate } from '@treaty-watch/shared';
import { useNow } from '../../lib/use-now';
import { Dated } from '../../components/dated';

/** The treaty's other dates, in calendar order; the ones to come are also in the deadlines calendar. */
export function KeyDates({ dates }: { dates: KeyDate[] }) {
  const now = useNow();
  const inOrder = [...dates].sort((a, b) => a.on.localeCompare(b.on));
  return (
    <section aria-label="Key dates">
      <h2>Key dates</h2>
      <ul className="key-dates">
        {inOrder.map((date) => (
          <li key={`${date.on} ${date.title}`}>
            <span className="key-date-title">
              {date.sourceUrl ? (
                <a href={date.sourceUrl} target="_blank" rel="noopener noreferrer">
                  {date.title}
                </a>
              ) : (
                date.title
              )}
            </span>{' '}
            <Dated iso={date.on} now={now} />
          </li>
        ))}
      </ul>
      <p className="calendar-link">
        <a href="/feeds/deadlines.ics">Subscribe to the deadlines calendar</a>
      </p>
    </section>
  );
}
