import { AuditPage } from './features/access/audit-page';
import { SignInPage } from './features/access/signin-page';
import { TokensPage } from './features/access/tokens-page';
import { AlertsAdminPage } from './features/admin/alerts-admin-page';
import { WebhooksPage } from './features/admin/webhooks-page';
import { ConfirmPage } from './features/alerts/confirm-page';
import { ManagePage } from './features/alerts/manage-page';
import { SubscribePage } from './features/alerts/subscribe-page';
import { BoardPage } from './features/board/board-page';
import { EditorPage } from './features/editor/editor-page';
import { PartiesSection } from './features/parties/parties-section';
import { PartyPage } from './features/parties/party-page';
import { Header } from './features/shell/header';
import { ScreenPage } from './features/screen/screen-page';
import { SearchPage } from './features/search/search-page';
import { NotFound } from './components/not-found';
import { NewTreatyPage } from './features/treaty/new-treaty-page';
import { TreatyPage } from './features/treaty/treaty-page';
import { lazyRetrying } from './lib/lazy-retrying';
import { useLocation } from './lib/router';
import { useDeskPresence } from './lib/use-board';
import './features/charts/charts.css';

/**
 * Recharts is large; the cards and the feed must not wait for it. Its few styles come with the
 * page: a stylesheet that failed to arrive with a lazy chunk is not asked for again when the
 * chunk is, so the charts would come back unstyled.
 */
const ChartsPanel = lazyRetrying(() => import('./features/charts/charts-panel'));
const ScreenCharts = lazyRetrying(() => import('./features/charts/screen-charts'));

/** A day such as 2020-06-01; anything else is no as-of at all (the server checks the rest). */
const asOfDay = (search: URLSearchParams) => /^\d{4}-\d{2}-\d{2}$/.exec(search.get('asOf') ?? '')?.[0];

function Page() {
  const { pathname, search } = useLocation();
  useDeskPresence(pathname);
  if (pathname === '/') return <BoardPage Charts={ChartsPanel} />;
  if (pathname === '/editor') return <EditorPage />;
  if (pathname === '/search') return <SearchPage />;
  if (pathname === '/admin/webhooks') return <WebhooksPage />;
  if (pathname === '/admin/alerts') return <AlertsAdminPage />;
  if (pathname === '/subscribe') return <SubscribePage />;
  if (pathname === '/subscribe/confirm') return <ConfirmPage />;
  if (pathname === '/subscription') return <ManagePage />;
  if (pathname === '/signin') return <SignInPage />;
  if (pathname === '/admin/tokens') return <TokensPage />;
  if (pathname === '/admin/audit') return <AuditPage />;
  if (pathname === '/admin/treaties/new') return <NewTreatyPage />;
  const treaty = /^\/treaties\/([^/]+)$/.exec(pathname);
  if (treaty?.[1]) return <TreatyPage id={decodeURIComponent(treaty[1])} asOf={asOfDay(search)} Parties={PartiesSection} />;
  const party = /^\/parties\/([A-Za-z]{2})$/.exec(pathname);
  if (party?.[1]) return <PartyPage code={party[1].toUpperCase()} />;
  return <NotFound what="There is no page here." />;
}

export function App() {
  const { pathname } = useLocation();
  if (pathname === '/screen') return <ScreenPage Charts={ScreenCharts} />;
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
