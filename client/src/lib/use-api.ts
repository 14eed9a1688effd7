import { useCallback, useEffect, useState } from 'react';
import { apiFetch, problemText } from './api';

/**
 * A read's state. Once loaded, a later failure keeps the data it had (`error` says what went
 * wrong): a page refreshing itself must not lose what it shows, such as a secret shown once.
 */
export type Loaded<T> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'loaded'; data: T; error?: string }
  | { state: 'error'; message: string };

/**
 * A read that needs a token, fetched again when `path`, the token or `refresh` changes, and on
 * `reload()`. Without a token it stays idle: the page asks for one.
 */
export function useApi<T>(path: string | undefined, token: string, refresh?: unknown): { result: Loaded<T>; reload: () => void } {
  const key = `${token}\n${path ?? ''}`;
  const [held, setHeld] = useState<{ key: string; result: Loaded<T> }>({ key, result: { state: 'loading' } });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);

  useEffect(() => {
    if (!token || !path) return;
    let current = true;
    apiFetch<T>(path, { headers: { authorization: `Bearer ${token}` } }).then(
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
  }, [key, path, token, refresh, round]);

  if (!token || !path) return { result: { state: 'idle' }, reload };
  // What another token or path loaded is not shown while this one loads.
  return { result: held.key === key ? held.result : { state: 'loading' }, reload };
}
