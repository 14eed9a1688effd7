import http from 'node:http';
import https from 'node:https';
import { RefusedTarget, type WebhookTargets } from './targets';

/**
 * What the delivery log says of an attempt that got no HTTP answer. Coarse on purpose: "connection
 * refused" against "timed out" against "host unreachable" is how a port scanner tells a closed
 * port from a filtered one and a live host from none.
 */
export type NoAnswer = 'timeout' | 'unreachable' | 'refused-target';

export interface Posted {
  status?: number;
  error?: NoAnswer;
}

/**
 * One POST, answered or not. No redirect is followed (node:http never does): a 3xx is the
 * endpoint's answer, and counts as a failure. The connection goes to the address the targets'
 * lookup checked, so a name that changes its DNS between check and connect gains nothing.
 */
export function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  targets: WebhookTargets,
): Promise<Posted> {
  return new Promise((resolve) => {
    const failed = (error: unknown) =>
      resolve({ error: error instanceof RefusedTarget ? 'refused-target' : signal.aborted ? 'timeout' : 'unreachable' });
    try {
      targets.assertAddress(url);
    } catch (error) {
      failed(error);
      return;
    }
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      signal,
      agent: false,
      ...(targets.lookup ? { lookup: targets.lookup } : {}),
    });
    request.once('response', (response) => {
      resolve({ status: response.statusCode ?? 0 });
      response.destroy();
    });
    request.on('error', failed);
    request.end(body);
  });
}
