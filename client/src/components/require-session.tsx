import { useEffect, type ReactNode } from 'react';
import { roleAllows, type Role, type Session } from '@treaty-watch/shared';
import { navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';

/** Where /signin sends the user back to: a path of this app, never another site. */
export function signInPath(next: string): string {
  return `/signin?next=${encodeURIComponent(next)}`;
}

/**
 * A desk page: shown to someone signed in with `role`. Signed out (or when the session ends
 * while the page is open) it sends the user to /signin, which brings them back here.
 */
export function RequireSession({ role, children }: { role: Role; children: (session: Session) => ReactNode }) {
  const state = useSession();
  const { pathname, search } = useLocation();
  const here = `${pathname}${search.size ? `?${search.toString()}` : ''}`;
  useEffect(() => {
    if (state.state === 'signed-out') navigate(signInPath(here));
  }, [state.state, here]);
  if (state.state === 'loading') return <p className="loading">Checking who is signed in…</p>;
  if (state.state === 'signed-out') return <p className="loading">Taking you to sign in…</p>;
  if (state.state === 'unreachable') {
    return (
      <p className="form-error" role="alert">
        The server cannot be reached ({state.message}). This page will work again once it answers; reload to retry.
      </p>
    );
  }
  const { session } = state;
  if (!roleAllows(session.role, role)) {
    return (
      <p className="form-error" role="alert">
        This page needs the {role} role. You are signed in as {session.name} ({session.role}): sign out, then sign in with an {role} token.
      </p>
    );
  }
  return <>{children(session)}</>;
}
