import { useCallback, useEffect, useState } from 'react';
import { apiFetch, problemText } from './api';

/**
 * A read's state. Once loaded, a later failure keeps the data it had (`error` says what went
 * wrong): a page refreshing itself must not lose what it shows, such as a secret shown once.
 */
export type Loaded<T> =
  { state: 'idle' } | { state: 'loading' } | { state: 'loaded'; data: T; error?: string } | { state: 'error'; message: string };

/**
 * A read as the signed-in user (the session cookie goes with it), fetched again when `path` or
 * `refresh` changes, and on `reload()`. Without a path it stays idle.
 */
export function useApi<T>(path: string | undefined, refresh?: unknown): { result: Loaded<T>; reload: () => void } {
  const key = path ?? '';
  const [held, setHeld] = useState<{ key: string; result: Loaded<T> }>({ key, result: { state: 'loading' } });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);

  useEffect(() => {
    if (!path) return;
    let current = true;
    apiFetch<T>(path, { credentials: 'same-origin' }).then(
      (data) => current && setHeld({ key, result: { state: 'loaded', data } }),
      (error: unknown) => {
        if (!current) return;
        const message = problemText(error);
        setHeld((before) =>
          before.key === key && before.result.state === 'loaded'
            ? { key, result: { ...before.result, error: message } }
            : { key, result: { state: 'error', message } },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [key, path, refresh, round]);

  if (!path) return { result: { state: 'idle' }, reload };
  // What another path loaded is not shown while this one loads.
  return { result: held.key === key ? held.result : { state: 'loading' }, reload };
}
