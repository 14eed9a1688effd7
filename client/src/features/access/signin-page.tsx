import { useState, type SubmitEvent } from 'react';
import type { Problem } from '@treaty-watch/shared';
import { Field, fieldError } from '../../components/field';
import { ApiError } from '../../lib/api';
import { navigate, useLocation } from '../../lib/router';
import { signIn, useSession } from '../../lib/session';
import './access.css';

/** Only a path of this app: `//evil.example` or `https://…` would send the user elsewhere. */
function nextPath(raw: string | null): string {
  return raw && /^\/(?![/\\])/.test(raw) ? raw : '/editor';
}

/** `/signin`: the token is pasted once and exchanged for a session cookie; the page forgets it at once. */
export function SignInPage() {
  const { search } = useLocation();
  const next = nextPath(search.get('next'));
  const state = useSession();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setSending(true);
    try {
      await signIn(token);
      setToken('');
      navigate(next);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error.problem);
    } finally {
      setSending(false);
    }
  }

  const tokenError = fieldError(problem, 'token') ?? (problem && !problem.errors?.length ? (problem.detail ?? problem.title) : undefined);
  return (
    <section className="signin form-page" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      {state.state === 'signed-in' && (
        <p className="hint">
          You are signed in as {state.session.name} ({state.session.role}). Signing in again replaces that session on this browser.
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          label="Token"
          error={tokenError}
          hint="The token your admin gave you (tw_…). It is sent once; this browser keeps only a session, never the token."
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(e) => setToken(e.target.value)}
              required
            />
          )}
        </Field>
        <button type="submit" disabled={sending}>
          {sending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
