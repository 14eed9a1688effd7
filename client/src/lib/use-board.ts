import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { BoardConnection, BoardView } from './board-connection';

export const BoardContext = createContext<BoardConnection | null>(null);

/** The live board, re-rendering on every applied change. */
export function useBoard(): BoardView {
  const connection = useContext(BoardContext);
  if (!connection) throw new Error('useBoard needs a BoardContext provider');
  return useSyncExternalStore(connection.subscribe, connection.getView);
}

/** Paths of the desk's own pages (the editor, admin), which presence does not count as viewers. */
export const isDeskPath = (pathname: string) => pathname === '/editor' || pathname.startsWith('/admin/');

/**
 * Marks the page as a desk while it is open, for pages reached by navigating inside the app;
 * main.tsx starts the connection as a desk when the app opens on one.
 */
export function useDeskPage(): void {
  const connection = useContext(BoardContext);
  useEffect(() => {
    connection?.identifyAs('desk');
    return () => connection?.identifyAs('viewer');
  }, [connection]);
}
