import { useState, type SubmitEvent } from 'react';
import { navigate } from '../../lib/router';

/** The seeded record's first date (the NPT opened for signature); the server refuses earlier days. */
const FIRST_DAY = '1968-07-01';

/** Pick a day to see the board as it stood at its end; today is the live board. */
export function AsOfControl({ value }: { value?: string }) {
  const today = new Date().toISOString().slice(0, 10);
  const [day, setDay] = useState(value ?? '');
  function submit(event: SubmitEvent) {
    event.preventDefault();
    navigate(day && day < today ? `/?asOf=${day}` : '/');
  }
  return (
    <form className="as-of-control" onSubmit={submit}>
      <label htmlFor="as-of-day">Show the board as of</label>
      <input id="as-of-day" type="date" max={today} min={FIRST_DAY} value={day} onChange={(e) => setDay(e.target.value)} />
      <button type="submit">Show</button>
      {value && (
        <button type="button" onClick={() => navigate('/')}>
          Back to live
        </button>
      )}
    </form>
  );
}
