import { useEffect, useState } from 'react';
import type { Update, UpdatesResponse } from '@treaty-watch/shared';
import { apiFetch } from '../../lib/api';

/** Enough history for the lifespan chart's event marks without reading an unbounded log. */
const MAX_PAGES = 10;

/** Every update's treaty and date (paged from the API once), plus the live ones as they come. */
export function useEventDates(live: Update[]): Pick<Update, 'id' | 'treatyId' | 'occurredAt' | 'retractedAt'>[] {
  const [history, setHistory] = useState<Update[]>([]);
  useEffect(() => {
    const unmounted = new AbortController();
    (async () => {
      const all: Update[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const { updates } = await apiFetch<UpdatesResponse>(`/api/updates?after=${all.at(-1)?.seq ?? 0}&limit=500`, {
          signal: unmounted.signal,
        });
        all.push(...updates);
        if (updates.length < 500) break;
      }
      if (!unmounted.signal.aborted) setHistory(all);
    })().catch(() => undefined);
    return () => unmounted.abort();
  }, []);
  const byId = new Map(history.map((u) => [u.id, u]));
  for (const update of live) byId.set(update.id, update);
  return [...byId.values()].filter((u) => !u.retractedAt);
}
