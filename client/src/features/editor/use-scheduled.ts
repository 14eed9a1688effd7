import { useCallback, useEffect, useState } from 'react';
import type { ScheduledListResponse, ScheduledUpdate } from '@treaty-watch/shared';
import { ApiError, apiFetch } from '../../lib/api';

export type ScheduledList = { state: 'idle' } | { state: 'loaded'; scheduled: ScheduledUpdate[] } | { state: 'error'; message: string };

/**
 * The embargoed updates this token may see. Reloaded whenever the board's seq moves (an embargo
 * that falls due arrives as a change) and after the editor schedules or cancels one.
 */
export function useScheduled(token: string, boardSeq: number | undefined): { list: ScheduledList; reload: () => void } {
  const [list, setList] = useState<ScheduledList>({ state: 'idle' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);

  useEffect(() => {
    if (!token) return;
    let current = true;
    apiFetch<ScheduledListResponse>('/api/scheduled?limit=50', { headers: { authorization: `Bearer ${token}` } })
      .then((response) => current && setList({ state: 'loaded', scheduled: response.scheduled }))
      .catch((error: unknown) => {
        if (!current) return;
        const message = error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : String(error);
        setList({ state: 'error', message });
      });
    return () => {
      current = false;
    };
  }, [token, boardSeq, round]);

  return { list: token ? list : { state: 'idle' }, reload };
}
