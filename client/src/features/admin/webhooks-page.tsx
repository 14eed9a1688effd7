import { useEffect } from 'react';
import type { WebhooksResponse } from '@treaty-watch/shared';
import { RequireSession } from '../../components/require-session';
import { useApi } from '../../lib/use-api';
import { EndpointCard } from './endpoint-card';
import { RegisterWebhook } from './register-webhook';
import './admin.css';

const REFRESH_MS = 5000;

/** `/admin/webhooks`: where an admin registers partner systems and watches their deliveries. */
export function WebhooksPage() {
  return <RequireSession role="admin">{() => <Endpoints />}</RequireSession>;
}

function Endpoints() {
  const { result, reload } = useApi<WebhooksResponse>('/api/webhooks');
  // An endpoint's state (failing, disabled) changes with no one clicking: keep it current.
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <section className="admin form-page" aria-label="Webhooks">
      <h1>Webhooks</h1>
      <p className="hint">
        Every change the board makes is sent to these endpoints as signed JSON (Standard Webhooks), one at a time and in order, retried
        until it is taken.
      </p>
      {result.state === 'error' && (
        <p className="field-error" role="alert">
          Could not load the endpoints: {result.message}
        </p>
      )}
      {result.state === 'loading' && <p className="loading">Loading the endpoints…</p>}
      {result.state === 'loaded' && (
        <>
          {result.error && (
            <p className="field-error" role="alert">
              Could not refresh the endpoints: {result.error}. Showing them as last read.
            </p>
          )}
          <RegisterWebhook onRegistered={reload} />
          <h2>Endpoints</h2>
          {result.data.endpoints.length === 0 ? (
            <p className="empty">No endpoint is registered yet.</p>
          ) : (
            <ul className="endpoint-list">
              {result.data.endpoints.map((endpoint) => (
                <EndpointCard key={endpoint.id} endpoint={endpoint} onChanged={reload} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
