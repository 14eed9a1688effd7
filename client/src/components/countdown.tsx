import { countdown, formatDateTime, pad2 } from '../lib/time';

/** Time left to an expiry, ticking with `now`. */
export function Countdown({ until, now }: { until: string; now: number }) {
  const left = countdown(until, now);
  if (left.over) return <span className="countdown">Expiry due — awaiting confirmation</span>;
  return (
    <span className="countdown" title={formatDateTime(until)}>
      <span className="countdown-days">{left.days}</span> days{' '}
      <span className="countdown-clock">
        {pad2(left.hours)}:{pad2(left.minutes)}:{pad2(left.seconds)}
      </span>{' '}
      left
    </span>
  );
}
