import { useEffect, useState, type SubmitEvent } from 'react';
import { DEFAULT_DIGEST_HOUR, type Problem, type Subscription, type SubscriptionResponse } from '@treaty-watch/shared';
import { ApiError, postJson, problemText, sendJson } from '../../lib/api';
import { AlertChoices, choicesBody, type Choices } from './alert-choices';
import { takeLinkToken } from './link-token';
import { SubscriptionSummary } from './subscription-summary';
import './alerts.css';

type Loaded =
  { state: 'loading' } | { state: 'loaded'; subscription: Subscription } | { state: 'failed'; message: string } | { state: 'unsubscribed' };

const choicesOf = (subscription: Subscription): Choices => ({
  all: !subscription.treaties,
  treaties: subscription.treaties ?? [],
  cadence: subscription.cadence,
  hour: subscription.hour ?? DEFAULT_DIGEST_HOUR,
});

/** `/subscription#token=…`, from the link in every alert: change what is sent, or unsubscribe (the address is deleted). */
export function ManagePage() {
  const [token] = useState(takeLinkToken);
  const [loaded, setLoaded] = useState<Loaded>(
    token ? { state: 'loading' } : { state: 'failed', message: 'This link has no token. Open the link from an alert as it is.' },
  );
  useEffect(() => {
    if (!token) return;
    postJson<SubscriptionResponse>('/api/subscriptions/manage', { token }).then(
      ({ subscription }) => setLoaded({ state: 'loaded', subscription }),
      (error: unknown) => setLoaded({ state: 'failed', message: problemText(error) }),
    );
  }, [token]);
  return (
    <section className="alerts form-page" aria-labelledby="manage-title">
      <h1 id="manage-title">Your email alerts</h1>
      {loaded.state === 'loading' && <p className="loading">Loading your subscription…</p>}
      {loaded.state === 'failed' && (
        <p className="form-error" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded.state === 'unsubscribed' && (
        <p className="form-success" role="status">
          Unsubscribed. Your address has been deleted; nothing more will be sent.
        </p>
      )}
      {loaded.state === 'loaded' && token && (
        <ManageForm
          token={token}
          subscription={loaded.subscription}
          onChanged={(subscription) => setLoaded({ state: 'loaded', subscription })}
          onUnsubscribed={() => setLoaded({ state: 'unsubscribed' })}
        />
      )}
    </section>
  );
}

function ManageForm({
  token,
  subscription,
  onChanged,
  onUnsubscribed,
}: {
  token: string;
  subscription: Subscription;
  onChanged: (s: Subscription) => void;
  onUnsubscribed: () => void;
}) {
  const [choices, setChoices] = useState(() => choicesOf(subscription));
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  const [sending, setSending] = useState(false);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setSending(true);
    setProblem(undefined);
    setSaved(false);
    try {
      const body = choicesBody(choices);
      const { subscription: changed } = await sendJson<SubscriptionResponse>('PATCH', '/api/subscriptions/manage', {
        token,
        ...body,
        treaties: body.treaties ?? null,
      });
      onChanged(changed);
      setSaved(true);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error.problem);
    } finally {
      setSending(false);
    }
  }

  async function unsubscribe() {
    setSending(true);
    try {
      await postJson('/api/subscriptions/unsubscribe', { token });
      onUnsubscribed();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error.problem);
      setSending(false);
    }
  }

  const general = problem && !problem.errors?.length ? (problem.detail ?? problem.title) : undefined;
  return (
    <>
      <SubscriptionSummary subscription={subscription} />
      <form onSubmit={(event) => void save(event)} noValidate>
        <AlertChoices choices={choices} onChange={setChoices} problem={problem} />
        {general && (
          <p className="form-error" role="alert">
            {general}
          </p>
        )}
        {saved && (
          <p className="form-success" role="status">
            Saved.
          </p>
        )}
        <button type="submit" disabled={sending}>
          Save changes
        </button>
      </form>
      <h2>Unsubscribe</h2>
      <p className="hint">Stops every alert and deletes your address from this server.</p>
      <button type="button" className="secondary" onClick={() => void unsubscribe()} disabled={sending}>
        Unsubscribe and delete my address
      </button>
    </>
  );
}
