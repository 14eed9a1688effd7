import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StreamConnection } from '../lib/stream-connection';
import { BoardContext } from '../lib/use-board';
import { EmbedWidget, NoSuchTreaty } from './embed-widget';
import { applyEmbedTheme } from './theme';
import { widgetTargetOf } from './widget-target';
import '../styles/base.css';
import './embed.css';

applyEmbedTheme(window.location.search);

const root = document.getElementById('root');
if (!root) throw new Error('embed.html has no #root');

// A widget reads the event stream, not Socket.IO: an article may be read by many, and behind
// Pushpin they cost the Node processes next to nothing. A treaty's widget follows that treaty only.
const target = widgetTargetOf(window.location.pathname);

createRoot(root).render(
  <StrictMode>
    {target.kind === 'none' ? (
      <NoSuchTreaty />
    ) : (
      <BoardContext.Provider value={new StreamConnection(target.kind === 'treaty' ? { treaties: [target.id] } : {})}>
        <EmbedWidget {...(target.kind === 'treaty' ? { treatyId: target.id } : {})} />
      </BoardContext.Provider>
    )}
  </StrictMode>,
);
