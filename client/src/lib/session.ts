import { useEffect, useSyncExternalStore } from 'react';
import type { Session, SessionResponse } from '@treaty-watch/shared';
import { apiFetch, ApiError, onUnauthorized, sendJson } from './api';

/** Who this browser is signed in as. The token itself never reaches page scripts: the server keeps it behind an HttpOnly cookie. */
export type SessionState =
  { state: 'loading' } | { state: 'signed-out' } | { state: 'signed-in'; session: Session } | { state: 'unreachable'; message: string };

let current: SessionState = { state: 'loading' };
let asked = false;
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  current = next;
  listeners.forEach((listener) => listener());
}

onUnauthorized(() => {
  if (current.state === 'signed-in') set({ state: 'signed-out' });
});

/** Asks the server again; any desk page does on load, and after its session may have ended. */
export async function refreshSession(): Promise<void> {
  asked = true;
  try {
    set({ state: 'signed-in', session: (await apiFetch<SessionResponse>('/api/session', { credentials: 'same-origin' })).session });
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 401) set({ state: 'signed-out' });
    else set({ state: 'unreachable', message: error instanceof Error ? error.message : String(error) });
  }
}

export async function signIn(token: string): Promise<Session> {
  const { session } = await sendJson<SessionResponse>('POST', '/api/session', { token });
  set({ state: 'signed-in', session });
  return session;
}

export async function signOut(): Promise<void> {
  await sendJson('DELETE', '/api/session', undefined);
  set({ state: 'signed-out' });
}

export function useSession(): SessionState {
  const state = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
  useEffect(() => {
    if (!asked) void refreshSession();
  }, []);
  return state;
}
