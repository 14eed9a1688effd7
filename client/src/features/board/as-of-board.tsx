import { useEffect, useState } from 'react';
import type { Snapshot } from '@treaty-watch/shared';
import { apiFetch } from '../../lib/api';
import { applySnapshot, emptyBoard } from '../../lib/board-state';
import { formatLongDate } from '../../lib/time';
import { AsOfControl } from './as-of-control';
import { BoardView, type BoardCharts } from './board-view';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; snapshot: Snapshot };

/**
 * The board rebuilt from the log as it stood at the end of a day; countdowns count from then.
 * Keyed by day where it is used, so another day starts from a fresh load.
 */
export function AsOfBoard({ day, Charts }: { day: string; Charts: BoardCharts }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    apiFetch<Snapshot>(`/api/snapshot?asOf=${encodeURIComponent(day)}`).then(
      (snapshot) => current && setLoad({ state: 'loaded', snapshot }),
      (error: unknown) => current && setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [day]);

  return (
    <>
      <div className="as-of-banner" role="note">
        <strong>As of {formatLongDate(`${day}T12:00:00.000Z`)}</strong> — the board as it stood at the end of that day (UTC), not live.
        <AsOfControl value={day} />
      </div>
      {load.state === 'loading' && <p className="loading">Rebuilding the board…</p>}
      {load.state === 'failed' && (
        <p className="error" role="alert">
          The board as of that day could not be shown: {load.message}
        </p>
      )}
      {load.state === 'loaded' && (
        <BoardView
          board={applySnapshot(emptyBoard, load.snapshot)}
          now={Date.parse(load.snapshot.asOf ?? load.snapshot.serverTime)}
          asOf={day}
          Charts={Charts}
        />
      )}
    </>
  );
}
