import { isHttpUri, normaliseUrl } from '@treaty-watch/shared';

/** Where JSON holding URLs is kept, in both stores, and the columns that pick out each row. */
export const URL_HOLDERS = [
  { table: 'events', column: 'payload', keys: ['seq'] },
  { table: 'events', column: 'change', keys: ['seq'] },
  { table: 'updates', column: 'data', keys: ['id'] },
  { table: 'treaties', column: 'data', keys: ['id'] },
  { table: 'scheduled_updates', column: 'data', keys: ['id'] },
  { table: 'webhook_endpoints', column: 'data', keys: ['id'] },
  { table: 'idempotency', column: 'response', keys: ['token_id', 'key'] },
] as const;

/** The fields the API stores a URL in: an update's and a key date's `sourceUrl`, a source's or a webhook's `url`. */
const URL_FIELDS = new Set(['url', 'sourceUrl']);

function normalised(text: string): string {
  try {
    const url = normaliseUrl(text);
    return isHttpUri(url) ? url : text;
  } catch {
    // One the parser refuses stays as it was: answers show it through shownUrl, which leaves it out.
    return text;
  }
}

/**
 * The value with every URL field normalised as the API stores it today (RFC 3986), or undefined
 * when it holds none that changes: data written before normalisation, made to match what is
 * written now, so answers, replays and a rebuilt projection all carry the one form.
 */
export function withNormalisedUrls(value: unknown): unknown {
  let changed = false;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, field]) => {
        if (!URL_FIELDS.has(key) || typeof field !== 'string') return [key, walk(field)];
        const url = normalised(field);
        if (url !== field) changed = true;
        return [key, url];
      }),
    );
  };
  const result = walk(value);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `changed` is set by another callback, which narrowing cannot see
  return changed ? result : undefined;
}
