import { useState } from 'react';
import { WEBHOOK_FORMAT_LABELS, type WebhookEndpoint } from '@treaty-watch/shared';
import { problemText, sendJson } from '../../lib/api';
import { formatDateTime } from '../../lib/time';
import { DeliveryLog } from './delivery-log';
import { FormatField } from './format-field';
import { MessagePreview } from './message-preview';
import { SendTest } from './send-test';

function EndpointState({ endpoint }: { endpoint: WebhookEndpoint }) {
  if (!endpoint.enabled) {
    return (
      <p className="endpoint-state is-disabled">
        ■ Disabled{endpoint.disabledAt ? ` ${formatDateTime(endpoint.disabledAt)}` : ''}: {endpoint.disabledReason ?? 'by an admin'}
      </p>
    );
  }
  if (endpoint.failingSince)
    return <p className="endpoint-state is-failing">▲ Failing since {formatDateTime(endpoint.failingSince)}; retrying</p>;
  return <p className="endpoint-state is-healthy">● Delivering</p>;
}

/** One endpoint: what it receives, how it is doing, and what an admin can do about it. */
export function EndpointCard({ endpoint, onChanged }: { endpoint: WebhookEndpoint; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  async function act(method: 'PATCH' | 'DELETE', body?: unknown) {
    try {
      await sendJson(method, `/api/webhooks/${encodeURIComponent(endpoint.id)}`, body);
      setError(undefined);
    } catch (failure) {
      setError(problemText(failure));
    }
    onChanged();
  }
  return (
    <li className="endpoint" aria-label={`Endpoint ${endpoint.url}`}>
      <h3>{endpoint.description || endpoint.url}</h3>
      {endpoint.description && <p className="endpoint-url">{endpoint.url}</p>}
      <p className="hint">
        {WEBHOOK_FORMAT_LABELS[endpoint.format]} · Treaties: {endpoint.treaties?.join(', ') ?? 'all'} · Changes:{' '}
        {endpoint.kinds?.join(', ') ?? 'all'}
      </p>
      <EndpointState endpoint={endpoint} />
      <FormatField value={endpoint.format} onChange={(format) => void act('PATCH', { format })} />
      <MessagePreview format={endpoint.format} />
      <div className="endpoint-actions">
        <button type="button" className="secondary" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? 'Hide deliveries' : 'Show deliveries'}
        </button>
        <SendTest endpointId={endpoint.id} />
        <button type="button" className="secondary" onClick={() => void act('PATCH', { enabled: !endpoint.enabled })}>
          {endpoint.enabled ? 'Disable' : 'Enable'}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => window.confirm(`Remove ${endpoint.url} and its delivery log?`) && void act('DELETE')}
        >
          Remove
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {open && <DeliveryLog endpointId={endpoint.id} />}
    </li>
  );
}
