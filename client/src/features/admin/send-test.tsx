import { useState } from 'react';
import type { WebhookTestResponse } from '@treaty-watch/shared';
import { postJson, problemText } from '../../lib/api';

function answerOf({ ok, attempt }: WebhookTestResponse): string {
  const how = attempt.status !== undefined ? `answered ${attempt.status}` : `no answer (${attempt.error ?? 'unreachable'})`;
  return `${ok ? 'Delivered' : 'Not delivered'}: the endpoint ${how} in ${attempt.latencyMs} ms.`;
}

/** Sends the sample to the endpoint, as a real delivery would go, and says how it answered. */
export function SendTest({ endpointId }: { endpointId: string }) {
  const [answer, setAnswer] = useState<{ ok: boolean; text: string }>();
  const [sending, setSending] = useState(false);
  async function send() {
    setSending(true);
    try {
      const result = await postJson<WebhookTestResponse>(`/api/webhooks/${encodeURIComponent(endpointId)}/test`, {});
      setAnswer({ ok: result.ok, text: answerOf(result) });
    } catch (failure) {
      setAnswer({ ok: false, text: problemText(failure) });
    } finally {
      setSending(false);
    }
  }
  return (
    <>
      <button type="button" className="secondary" onClick={() => void send()} disabled={sending}>
        {sending ? 'Sending test…' : 'Send test'}
      </button>
      {answer && (
        <p className={`test-answer ${answer.ok ? 'is-healthy' : 'is-failing'}`} role="status">
          {answer.text}
        </p>
      )}
    </>
  );
}
