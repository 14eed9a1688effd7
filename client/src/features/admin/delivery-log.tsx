import { useEffect } from 'react';
import type { DeliveriesResponse, WebhookDelivery } from '@treaty-watch/shared';
import { DataTable } from '../../components/data-table';
import { formatDateTime } from '../../lib/time';
import { useApi } from '../../lib/use-api';

/** The log refreshes on its own while it is open, so an admin watching a retry sees it land. */
const REFRESH_MS = 3000;

const COLUMNS = ['Seq', 'Change', 'State', 'Attempts', 'Last answer', 'When'];

function lastAnswer(delivery: WebhookDelivery): string {
  const last = delivery.history.at(-1);
  if (!last) return 'not tried yet';
  return `${last.status !== undefined ? `HTTP ${last.status}` : (last.error ?? 'no answer')} in ${last.latencyMs} ms`;
}

export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const { result, reload } = useApi<DeliveriesResponse>(`/api/webhooks/${encodeURIComponent(endpointId)}/deliveries?limit=50`);
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  if (result.state === 'loading' || result.state === 'idle') return <p className="loading">Loading the deliveries…</p>;
  if (result.state === 'error') return <p className="field-error">Could not load the deliveries: {result.message}</p>;
  if (result.data.deliveries.length === 0) return <p className="empty">Nothing has been sent to this endpoint yet.</p>;
  return (
    <>
      {result.error && <p className="field-error">Could not refresh the deliveries: {result.error}. Showing them as last read.</p>}
      <DataTable
        label="Deliveries"
        caption="Latest deliveries, newest change first"
        className="delivery-log"
        columns={COLUMNS}
        rows={result.data.deliveries.map((d) => (
          <tr key={d.id} className={`is-${d.state}`}>
            <td>{d.seq}</td>
            <td>
              {d.kind} · {d.treatyId}
            </td>
            <td>{d.state === 'delivered' ? '✓ delivered' : '… pending'}</td>
            <td>{d.attempts}</td>
            <td>{lastAnswer(d)}</td>
            <td>
              {d.state === 'delivered' && d.deliveredAt && formatDateTime(d.deliveredAt)}
              {d.state === 'pending' && d.nextAttemptAt && `next try ${formatDateTime(d.nextAttemptAt)}`}
            </td>
          </tr>
        ))}
      />
    </>
  );
}
