import { useCallback, useEffect, useState } from 'react';
import { apiFetch, problemText } from './api';

export type Loaded<T> = { state: 'idle' } | { state: 'loading' } | { state: 'loaded'; data: T } | { state: 'error'; message: string };

/**
 * A read that needs a token, fetched again when `path`, the token or `refresh` changes, and on
 * `reload()`. Without a token it stays idle: the page asks for one.
 */
export function useApi<T>(path: string | undefined, token: string, refresh?: unknown): { result: Loaded<T>; reload: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);

  useEffect(() => {
    if (!token || !path) return;
    let current = true;
    apiFetch<T>(path, { headers: { authorization: `Bearer ${token}` } }).then(
      (data) => current && setResult({ state: 'loaded', data }),
      (error: unknown) => current && setResult({ state: 'error', message: problemText(error) }),
    );
    return () => {
      current = false;
    };
  }, [path, token, refresh, round]);

  return { result: token && path ? result : { state: 'idle' }, reload };
}
