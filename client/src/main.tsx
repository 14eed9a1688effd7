import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { BoardConnection } from './lib/board-connection';
import { BoardContext, isDeskPath } from './lib/use-board';
import { keepBoard, restoreBoard } from './features/screen/offline/saved-board';
import { offlineBuild } from './features/screen/offline/screen-worker';
import './styles/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// A wall screen says so (presence counts it), reloads itself on a new deploy, and starts from
// the board it kept, so a reboot with the network down still shows the board (marked stale); a
// desk page (editor, admin) says so too, and is not counted.
const params = new URLSearchParams(window.location.search);
const { pathname } = window.location;
const connection = pathname.startsWith('/screen')
  ? new BoardConnection({
      client: 'screen',
      name: params.get('name')?.slice(0, 60) ?? undefined,
      reloadOnNewBuild: true,
      restored: await restoreBoard(),
      buildId: offlineBuild(),
    })
  : new BoardConnection({ client: isDeskPath(pathname) ? 'desk' : 'viewer' });
if (pathname.startsWith('/screen')) keepBoard(connection);

createRoot(root).render(
  <StrictMode>
    <BoardContext.Provider value={connection}>
      <App />
    </BoardContext.Provider>
  </StrictMode>,
);
