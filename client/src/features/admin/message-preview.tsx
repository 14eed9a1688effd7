import { useMemo } from 'react';
import { samplePayload, webhookMessage, type WebhookFormat } from '@treaty-watch/shared';

/**
 * The body a sample change makes in this format, by the server's own formatter (from shared), so
 * what is shown is what is sent. Links point at this page's origin; the server uses PUBLIC_URL.
 */
export function MessagePreview({ format }: { format: WebhookFormat }) {
  const body = useMemo(
    () => JSON.stringify(webhookMessage(format, samplePayload(new Date().toISOString()), window.location.origin), null, 2),
    [format],
  );
  return (
    <details className="message-preview">
      <summary>Preview the message (a sample change)</summary>
      <pre aria-label={`Preview of the ${format} message`} tabIndex={0}>
        {body}
      </pre>
    </details>
  );
}
