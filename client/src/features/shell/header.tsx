import { useBoard } from '../../lib/use-board';
import { ConnectionIndicator } from '../../components/connection-indicator';
import { NavLink } from '../../components/nav-link';
import { SessionBadge } from './session-badge';
import { SearchBox } from './search-box';
import { UtcClock } from '../../components/utc-clock';

export function Header() {
  const { connection, presence } = useBoard();
  return (
    <header className="app-header">
      <p className="product">
        <NavLink href="/">Treaty Watch</NavLink>
      </p>
      <nav aria-label="Pages">
        <NavLink href="/">Board</NavLink>
        <NavLink href="/editor">Editor</NavLink>
        <NavLink href="/subscribe">Alerts</NavLink>
        <NavLink href="/admin/webhooks">Webhooks</NavLink>
        <NavLink href="/admin/tokens">Tokens</NavLink>
        <NavLink href="/admin/audit">Audit</NavLink>
        <NavLink href="/admin/alerts">Readers</NavLink>
        <a href="/api/docs">API</a>
      </nav>
      <SearchBox />
      <ConnectionIndicator connection={connection} />
      {presence && (
        <p className="presence">
          {presence.viewers} {presence.viewers === 1 ? 'viewer' : 'viewers'} · {presence.screens}{' '}
          {presence.screens === 1 ? 'screen' : 'screens'}
        </p>
      )}
      <UtcClock />
      <SessionBadge />
    </header>
  );
}
