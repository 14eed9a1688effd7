import { useState } from 'react';

const KEY = 'treaty-watch:token';

/** The editor's or admin's token, kept for this browser tab only. */
export function useToken(): [string, (token: string) => void] {
  const [token, setToken] = useState(() => sessionStorage.getItem(KEY) ?? '');
  return [
    token,
    (next: string) => {
      sessionStorage.setItem(KEY, next);
      setToken(next);
    },
  ];
}
