import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { BoardConnection } from './lib/board-connection';
import { BoardContext } from './lib/use-board';
import './styles/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// A wall screen says so (presence counts it) and reloads itself on a new deploy.
const params = new URLSearchParams(window.location.search);
const connection = window.location.pathname.startsWith('/screen')
  ? new BoardConnection({ client: 'screen', name: params.get('name')?.slice(0, 60) ?? undefined, reloadOnNewBuild: true })
  : new BoardConnection({ client: 'viewer' });

createRoot(root).render(
  <StrictMode>
    <BoardContext.Provider value={connection}>
      <App />
    </BoardContext.Provider>
  </StrictMode>,
);
