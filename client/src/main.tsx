import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { BoardConnection } from './lib/board-connection';
import { BoardContext } from './lib/use-board';
import './styles/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <BoardContext.Provider value={new BoardConnection('viewer')}>
      <App />
    </BoardContext.Provider>
  </StrictMode>,
);
