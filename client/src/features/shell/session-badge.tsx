import { useState } from 'react';
import { problemText } from '../../lib/api';
import { useLocation } from '../../lib/router';
import { signOut, useSession } from '../../lib/session';
import { signInPath } from '../../components/require-session';
import { NavLink } from '../../components/nav-link';

/** Who is signed in, as what and for which treaties, and the way out; or the way in. */
export function SessionBadge() {
  const state = useSession();
  const { pathname } = useLocation();
  const [error, setError] = useState<string>();
  if (state.state === 'loading' || state.state === 'unreachable') return null;
  if (state.state === 'signed-out') {
    if (pathname === '/signin') return null;
    return (
      <p className="session-badge">
        <NavLink href={signInPath(pathname)}>Sign in</NavLink>
      </p>
    );
  }
  const { session } = state;
  const scope = session.treaties ? session.treaties.join(', ') : 'all treaties';
  return (
    <div className="session-badge" role="group" aria-label="Signed in">
      <p>
        Signed in as <strong>{session.name}</strong> · {session.role} · {scope}
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          signOut().then(
            () => setError(undefined),
            (failure: unknown) => setError(problemText(failure)),
          );
        }}
      >
        Sign out
      </button>
      {error && (
        <p className="field-error" role="alert">
          Could not sign out: {error}
        </p>
      )}
    </div>
  );
}
