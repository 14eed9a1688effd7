import { subscriptionTokenSchema } from '@treaty-watch/shared';

/** The token a link from an email carries in its fragment (`#token=…`), which the browser never sends to the server or in a Referer. */
export function takeLinkToken(): string | undefined {
  const raw = new URLSearchParams(window.location.hash.slice(1)).get('token');
  const parsed = subscriptionTokenSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
