import { useEffect, useState } from 'react';
import type { TreatyDetailResponse } from '@treaty-watch/shared';
import { apiFetch, ApiError } from '../../lib/api';
import { useBoard } from '../../lib/use-board';

export type TreatyLoad =
  { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'loaded'; detail: TreatyDetailResponse };

/** A treaty's page data, fetched again whenever a live change touches that treaty. */
export function useTreaty(id: string): TreatyLoad {
  const { board } = useBoard();
  const version = board.treaties.find((t) => t.id === id)?.version;
  const [load, setLoad] = useState<TreatyLoad>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    apiFetch<TreatyDetailResponse>(`/api/treaties/${encodeURIComponent(id)}`).then(
      (detail) => current && setLoad({ state: 'loaded', detail }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.problem.status === 404) setLoad({ state: 'missing' });
        else setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [id, version]);
  return load;
}
