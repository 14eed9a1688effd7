import { useEffect, useState } from 'react';
import type { TreatyPartiesResponse } from '@treaty-watch/shared';
import { apiFetch, problemText } from '../../lib/api';
import { useBoard } from '../../lib/use-board';

export type PartiesLoad = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; parties: TreatyPartiesResponse };

/**
 * A treaty's states, fetched again whenever a live change touches the treaty (a party move is
 * an update, so it bumps the treaty's version). As of a day, the record as it stood then.
 */
export function useParties(treatyId: string, asOf?: string): PartiesLoad {
  const { board } = useBoard();
  const version = asOf ? undefined : board.treaties.find((t) => t.id === treatyId)?.version;
  const [held, setHeld] = useState<{ key: string; load: PartiesLoad }>({ key: '', load: { state: 'loading' } });
  const key = `${treatyId}\n${asOf ?? ''}`;
  useEffect(() => {
    let current = true;
    const query = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
    apiFetch<TreatyPartiesResponse>(`/api/treaties/${encodeURIComponent(treatyId)}/parties${query}`).then(
      (parties) => current && setHeld({ key, load: { state: 'loaded', parties } }),
      (error: unknown) =>
        current &&
        setHeld((before) =>
          before.key === key && before.load.state === 'loaded' ? before : { key, load: { state: 'failed', message: problemText(error) } },
        ),
    );
    return () => {
      current = false;
    };
  }, [key, treatyId, asOf, version]);
  // A refresh keeps what is shown until the new record arrives; another treaty starts afresh.
  return held.key === key ? held.load : { state: 'loading' };
}
