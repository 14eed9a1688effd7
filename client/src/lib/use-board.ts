import { createContext, useContext, useSyncExternalStore } from 'react';
import type { BoardConnection, BoardView } from './board-connection';

export const BoardContext = createContext<BoardConnection | null>(null);

/** The live board, re-rendering on every applied change. */
export function useBoard(): BoardView {
  const connection = useContext(BoardContext);
  if (!connection) throw new Error('useBoard needs a BoardContext provider');
  return useSyncExternalStore(connection.subscribe, connection.getView);
}
