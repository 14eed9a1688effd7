import { WebhooksPage } from './features/admin/webhooks-page';
import { BoardPage } from './features/board/board-page';
import { EditorPage } from './features/editor/editor-page';
import { Header } from './features/shell/header';
import { ScreenPage } from './features/screen/screen-page';
import { SearchPage } from './features/search/search-page';
import { NotFound } from './features/shell/not-found';
import { TreatyPage } from './features/treaty/treaty-page';
import { useLocation } from './lib/router';

function Page() {
  const { pathname } = useLocation();
  if (pathname === '/') return <BoardPage />;
  if (pathname === '/editor') return <EditorPage />;
  if (pathname === '/search') return <SearchPage />;
  if (pathname === '/admin/webhooks') return <WebhooksPage />;
  const treaty = /^\/treaties\/([^/]+)$/.exec(pathname);
  if (treaty?.[1]) return <TreatyPage id={decodeURIComponent(treaty[1])} />;
  return <NotFound what="There is no page here." />;
}

export function App() {
  const { pathname } = useLocation();
  if (pathname === '/screen') return <ScreenPage />;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the board
      </a>
      <Header />
      <main id="main">
        <Page />
      </main>
    </>
  );
}
