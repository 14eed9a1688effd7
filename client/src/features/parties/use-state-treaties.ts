import { useEffect, useState } from 'react';
import type { StateTreatiesResponse } from '@treaty-watch/shared';
import { apiFetch, ApiError, problemText } from '../../lib/api';
import { useBoard } from '../../lib/use-board';

export type StateLoad =
  { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'loaded'; record: StateTreatiesResponse };

/** One state across every treaty, fetched again when any treaty's record changes live. */
export function useStateTreaties(code: string): StateLoad {
  const { board } = useBoard();
  // Versions of every treaty: a party move anywhere bumps one; nothing else refetches.
  const versions = board.treaties.map((t) => `${t.id}:${t.version}`).join(',');
  const [held, setHeld] = useState<{ code: string; load: StateLoad }>({ code: '', load: { state: 'loading' } });
  useEffect(() => {
    let current = true;
    apiFetch<StateTreatiesResponse>(`/api/parties/${encodeURIComponent(code)}`).then(
      (record) => current && setHeld({ code, load: { state: 'loaded', record } }),
      (error: unknown) => {
        if (!current) return;
        const missing = error instanceof ApiError && (error.problem.status === 404 || error.problem.status === 400);
        setHeld({ code, load: missing ? { state: 'missing' } : { state: 'failed', message: problemText(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [code, versions]);
  return held.code === code ? held.load : { state: 'loading' };
}
