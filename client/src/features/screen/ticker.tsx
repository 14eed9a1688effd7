import { useNow } from '../../lib/use-now';
import type { Treaty, Update } from '@treaty-watch/shared';
import { relativeAge } from '../../lib/time';
import { UpdateHeadline } from '../../components/update-line';

const EACH_MS = 8000;
const SHOWN = 10;

/** The latest updates, one at a time, in turn. */
export function Ticker({ updates, treaties }: { updates: Update[]; treaties: Treaty[] }) {
  const now = useNow(1000);
  const items = updates.slice(0, SHOWN);
  if (items.length === 0) return <p className="ticker empty">No updates yet.</p>;
  const index = Math.floor(now / EACH_MS) % items.length;
  const update = items[index];
  if (!update) return null;
  const treaty = treaties.find((t) => t.id === update.treatyId);
  return (
    <p className="ticker" aria-live="off">
      <span className="ticker-position">
        {index + 1}/{items.length}
      </span>
      <span key={update.id} className="ticker-item">
        <strong>{treaty?.shortName ?? update.treatyId}</strong> <UpdateHeadline update={update} />{' '}
        <span className="age">{relativeAge(update.occurredAt, now)}</span>
      </span>
    </p>
  );
}
