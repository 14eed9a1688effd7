import { useEffect } from 'react';
import type { WebhooksResponse } from '@treaty-watch/shared';
import { Field } from '../../components/field';
import { useApi } from '../../lib/use-api';
import { useDeskPage } from '../../lib/use-board';
import { useToken } from '../../lib/use-token';
import { EndpointCard } from './endpoint-card';
import { RegisterWebhook } from './register-webhook';
import './admin.css';

const REFRESH_MS = 5000;

/** `/admin/webhooks`: where an admin registers partner systems and watches their deliveries. */
export function WebhooksPage() {
  useDeskPage();
  const [token, setToken] = useToken();
  const { result, reload } = useApi<WebhooksResponse>('/api/webhooks', token);
  // An endpoint's state (failing, disabled) changes with no one clicking: keep it current.
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <section className="admin form-page" aria-label="Webhooks">
      <h1>Webhooks</h1>
      <p className="hint">
        Every change the board makes is sent to these endpoints as signed JSON (Standard Webhooks), one at a time and in order, retried until
        it is taken.
      </p>
      <Field label="Admin token" error={result.state === 'error' ? `Token rejected or server unreachable: ${result.message}` : undefined}>
        {(props) => <input {...props} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />}
      </Field>
      {result.state === 'idle' && <p className="hint">Paste an admin token to see the endpoints.</p>}
      {result.state === 'loading' && <p className="loading">Loading the endpoints…</p>}
      {result.state === 'loaded' && (
        <>
          {result.error && (
            <p className="field-error" role="alert">
              Could not refresh the endpoints: {result.error}. Showing them as last read.
            </p>
          )}
          <RegisterWebhook token={token} onRegistered={reload} />
          <h2>Endpoints</h2>
          {result.data.endpoints.length === 0 ? (
            <p className="empty">No endpoint is registered yet.</p>
          ) : (
            <ul className="endpoint-list">
              {result.data.endpoints.map((endpoint) => (
                <EndpointCard key={endpoint.id} endpoint={endpoint} token={token} onChanged={reload} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
