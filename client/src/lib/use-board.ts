import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { LiveBoard, LiveBoardSource } from './live-view';

export const BoardContext = createContext<LiveBoardSource | null>(null);

/** The live board, re-rendering on every applied change. */
export function useBoard(): LiveBoard {
  const connection = useContext(BoardContext);
  if (!connection) throw new Error('useBoard needs a BoardContext provider');
  return useSyncExternalStore(connection.subscribe, connection.getView);
}

/** Paths of the desk's own pages (the editor, admin, signing in), which presence does not count as viewers. */
export const isDeskPath = (pathname: string) => pathname === '/editor' || pathname === '/signin' || pathname.startsWith('/admin/');

/**
 * Tells presence what the open page is, whichever way it was reached: a desk page is the desk,
 * every other page of the app a viewer. main.tsx starts the connection as the page it opens on.
 */
export function useDeskPresence(pathname: string): void {
  const connection = useContext(BoardContext);
  useEffect(() => {
    connection?.identifyAs?.(isDeskPath(pathname) ? 'desk' : 'viewer');
  }, [connection, pathname]);
}
