import { pad2 } from '../lib/time';
import { useNow } from '../lib/use-now';

export function UtcClock() {
  const now = new Date(useNow());
  return (
    <p className="clock" aria-label="Time in UTC">
      <time dateTime={now.toISOString()}>
        {pad2(now.getUTCHours())}:{pad2(now.getUTCMinutes())}:{pad2(now.getUTCSeconds())}
      </time>{' '}
      <span className="clock-zone">UTC</span>
    </p>
  );
}
