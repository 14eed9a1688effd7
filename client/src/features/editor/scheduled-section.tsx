import { useState } from 'react';
import type { ScheduledListResponse, ScheduledUpdate } from '@treaty-watch/shared';
import { postJson, problemText } from '../../lib/api';
import { formatDateTime } from '../../lib/time';
import type { Loaded } from '../../lib/use-api';

const STATE_TEXT: Record<ScheduledUpdate['state'], string> = {
  scheduled: 'Under embargo until',
  published: 'Published',
  cancelled: 'Cancelled',
  failed: 'Not published',
};

function ScheduledItem({ item, onChanged }: { item: ScheduledUpdate; onChanged: () => void }) {
  const [error, setError] = useState<string>();
  async function cancel() {
    try {
      await postJson(`/api/scheduled/${encodeURIComponent(item.id)}/cancel`, {});
      setError(undefined);
    } catch (failure) {
      setError(problemText(failure));
    }
    onChanged();
  }
  const when = item.state === 'published' ? (item.publishedAt ?? item.publishAt) : item.publishAt;
  return (
    <li className={`scheduled-item is-${item.state}`}>
      <p className="scheduled-headline">
        <strong>{item.treatyId}</strong> {item.headline}
      </p>
      <p className="scheduled-state">
        {STATE_TEXT[item.state]} <time dateTime={when}>{formatDateTime(when)}</time>
        {item.state === 'failed' && item.failure && <span>: {item.failure}</span>}
        {item.state === 'cancelled' && item.cancelledBy && <span> by {item.cancelledBy}</span>}
      </p>
      {item.state === 'scheduled' && (
        <button type="button" className="secondary" onClick={() => void cancel()}>
          Cancel embargoed update
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** Embargoed updates, for editors only: nobody else can see them before their time. */
export function ScheduledSection({ list, onChanged }: { list: Loaded<ScheduledListResponse>; onChanged: () => void }) {
  return (
    <section className="scheduled" aria-label="Scheduled updates">
      <h2>Scheduled updates</h2>
      {list.state === 'error' && <p className="field-error">Could not load the scheduled updates: {list.message}</p>}
      {list.state === 'loading' && <p className="loading">Loading the scheduled updates…</p>}
      {list.state === 'loaded' && list.data.scheduled.length === 0 && <p className="hint">Nothing is under embargo.</p>}
      {list.state === 'loaded' && list.data.scheduled.length > 0 && (
        <ul className="scheduled-list">
          {list.data.scheduled.map((item) => (
            <ScheduledItem key={item.id} item={item} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
