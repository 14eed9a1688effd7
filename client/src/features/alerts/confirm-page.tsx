import { useEffect, useState } from 'react';
import type { SubscriptionResponse } from '@treaty-watch/shared';
import { postJson, problemText } from '../../lib/api';
import { takeLinkToken } from './link-token';
import { SubscriptionSummary } from './subscription-summary';
import './alerts.css';

type Confirmation = { state: 'confirming' } | { state: 'confirmed'; response: SubscriptionResponse } | { state: 'failed'; message: string };

/**
 * `/subscribe/confirm#token=…`, from the confirmation email: confirms when the page runs, so a
 * mail scanner that only fetches the link confirms nothing.
 */
export function ConfirmPage() {
  const [token] = useState(takeLinkToken);
  const [confirmation, setConfirmation] = useState<Confirmation>(
    token ? { state: 'confirming' } : { state: 'failed', message: 'This link has no token. Open the link from the email as it is.' },
  );
  useEffect(() => {
    if (!token) return;
    postJson<SubscriptionResponse>('/api/subscriptions/confirm', { token }).then(
      (response) => setConfirmation({ state: 'confirmed', response }),
      (error: unknown) => setConfirmation({ state: 'failed', message: problemText(error) }),
    );
  }, [token]);
  return (
    <section className="alerts form-page" aria-labelledby="confirm-title">
      <h1 id="confirm-title">Confirm your alerts</h1>
      {confirmation.state === 'confirming' && <p className="loading">Confirming…</p>}
      {confirmation.state === 'failed' && (
        <p className="form-error" role="alert">
          {confirmation.message}
        </p>
      )}
      {confirmation.state === 'confirmed' && (
        <>
          <p className="form-success" role="status">
            Confirmed. Alerts start with the next change.
          </p>
          <SubscriptionSummary subscription={confirmation.response.subscription} />
          <p className="hint">Every message has a link to change what you get or to unsubscribe.</p>
        </>
      )}
    </section>
  );
}
