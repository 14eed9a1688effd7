import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BoardConnection } from '../lib/board-connection';
import { BoardContext } from '../lib/use-board';
import { EmbedWidget } from './embed-widget';
import { applyEmbedTheme } from './theme';
import '../styles/base.css';
import './embed.css';

applyEmbedTheme(window.location.search);

const root = document.getElementById('root');
if (!root) throw new Error('embed.html has no #root');

createRoot(root).render(
  <StrictMode>
    <BoardContext.Provider value={new BoardConnection({ client: 'embed' })}>
      <EmbedWidget />
    </BoardContext.Provider>
  </StrictMode>,
);
