import { useState, type SubmitEvent } from 'react';
import type { Problem, Subscription, SubscriptionCountsResponse, SubscriptionResponse } from '@treaty-watch/shared';
import { Field, fieldError } from '../../components/field';
import { RequireSession } from '../../components/require-session';
import { ApiError, postJson } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import './admin.css';

/** `/admin/alerts`: how many readers get email alerts and how the outbox is doing. Counts only; one address when asked for it. */
export function AlertsAdminPage() {
  return <RequireSession role="admin">{() => <Counts />}</RequireSession>;
}

const COUNT_LABELS: [keyof SubscriptionCountsResponse['counts'], string][] = [
  ['confirmed', 'Confirmed readers'],
  ['immediate', 'A message for each change'],
  ['daily', 'A daily digest'],
  ['awaitingConfirmation', 'Waiting for confirmation'],
  ['queued', 'Messages waiting to go out'],
  ['retrying', 'Messages waiting for a retry'],
  ['sentLastDay', 'Messages sent in the last 24 hours'],
];

function Counts() {
  const { result } = useApi<SubscriptionCountsResponse>('/api/subscriptions/counts');
  return (
    <section className="admin form-page" aria-labelledby="alerts-admin-title">
      <h1 id="alerts-admin-title">Email alerts</h1>
      {result.state === 'loading' && <p className="loading">Loading the counts…</p>}
      {result.state === 'error' && (
        <p className="field-error" role="alert">
          Could not load the counts: {result.message}
        </p>
      )}
      {result.state === 'loaded' && (
        <>
          {!result.data.enabled && (
            <p className="empty">Alerts are not set up: without SMTP_URL nothing is sent and nobody can subscribe.</p>
          )}
          <table className="alert-counts">
            <caption>Readers and the outbox (addresses are never listed)</caption>
            <tbody>
              {COUNT_LABELS.map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{result.data.counts[key].toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <LookupOne />
    </section>
  );
}

/** A reader writes in about their address: the admin looks up that one, and only that one. */
function LookupOne() {
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [found, setFound] = useState<Subscription | null>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setProblem(undefined);
    setFound(undefined);
    try {
      setFound((await postJson<SubscriptionResponse>('/api/subscriptions/lookup', { email })).subscription);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.problem.status === 404) setFound(null);
      else setProblem(error.problem);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="lookup-title">
      <h2 id="lookup-title">Look up one address</h2>
      <Field
        label="Email address"
        error={fieldError(problem, 'email') ?? (problem && !problem.errors?.length ? (problem.detail ?? problem.title) : undefined)}
      >
        {(props) => <input {...props} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} required />}
      </Field>
      <button type="submit">Look up</button>
      {found === null && <p role="status">No subscription has that address.</p>}
      {found && (
        <p role="status">
          {found.email}: {found.confirmed ? 'confirmed' : 'waiting for confirmation'},{' '}
          {found.cadence === 'daily' ? `daily at ${String(found.hour ?? 0).padStart(2, '0')}:00 UTC` : 'each change'}, for{' '}
          {found.treaties ? found.treaties.join(', ') : 'every treaty'}.
        </p>
      )}
    </form>
  );
}
