import { useState, type SubmitEvent } from 'react';
import { DEFAULT_DIGEST_HOUR, type AlertsStatus, type Problem } from '@treaty-watch/shared';
import { Field, fieldError } from '../../components/field';
import { ApiError, postJson } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { AlertChoices, choicesBody, type Choices } from './alert-choices';
import './alerts.css';

/** `/subscribe`: a reader asks for email alerts; only a confirmation is sent until its link is followed. */
export function SubscribePage() {
  const { result } = useApi<AlertsStatus>('/api/alerts');
  return (
    <section className="alerts form-page" aria-labelledby="subscribe-title">
      <h1 id="subscribe-title">Email alerts</h1>
      {result.state === 'loading' && <p className="loading">Checking whether alerts are set up…</p>}
      {result.state === 'error' && (
        <p className="form-error" role="alert">
          The server cannot be reached ({result.message}). Reload to try again.
        </p>
      )}
      {result.state === 'loaded' && !result.data.enabled && (
        <p className="empty" role="status">
          Email alerts are not set up on this server: it has no mail server to send through. The board, its feeds and its calendar work as
          usual.
        </p>
      )}
      {result.state === 'loaded' && result.data.enabled && <SubscribeForm />}
    </section>
  );
}

function SubscribeForm() {
  const [email, setEmail] = useState('');
  const [choices, setChoices] = useState<Choices>({ all: true, treaties: [], cadence: 'immediate', hour: DEFAULT_DIGEST_HOUR });
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<string>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setSending(true);
    setProblem(undefined);
    try {
      await postJson('/api/subscriptions', { email, ...choicesBody(choices) });
      setSent(email.trim());
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error.problem);
    } finally {
      setSending(false);
    }
  }

  if (sent) {
    return (
      <p className="form-success" role="status">
        Check your inbox at {sent}: we sent a link to confirm. Nothing else is sent until you follow it.
      </p>
    );
  }
  const general = problem && !problem.errors?.length ? (problem.detail ?? problem.title) : undefined;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p className="hint">
        Get an email when a treaty's status changes or the desk posts an update. Every message has a one-click unsubscribe.
      </p>
      <Field label="Email address" error={fieldError(problem, 'email')}>
        {(props) => (
          <input
            {...props}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            maxLength={254}
          />
        )}
      </Field>
      <AlertChoices choices={choices} onChange={setChoices} problem={problem} />
      {general && (
        <p className="form-error" role="alert">
          {general}
        </p>
      )}
      <button type="submit" disabled={sending}>
        {sending ? 'Sending…' : 'Subscribe'}
      </button>
    </form>
  );
}
