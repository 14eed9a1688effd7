import { createHmac } from 'node:crypto';

/**
 * The Standard Webhooks signature: HMAC-SHA256 over `id.timestamp.body`, keyed with the bytes
 * of the secret after its `whsec_` prefix, sent as `v1,<base64>`.
 */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}
