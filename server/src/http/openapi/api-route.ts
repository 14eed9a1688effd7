import type { Role } from '@treaty-watch/shared';
import type { Media } from './media';
import type { SchemaName } from './schemas';

export interface ApiRoute {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  role?: Role;
  query?: SchemaName;
  body?: SchemaName;
  /** The success status and the schema (or media type) of its body. */
  ok: [number, SchemaName | Media];
  /** A second success, e.g. 202 for an update held under embargo. */
  alsoOk?: [number, SchemaName | Media, string];
  /** Problem statuses this route answers with beyond those its kind gives (see `problemStatusesOf`). */
  problems?: number[];
  headers?: { ifMatch?: boolean };
  /** The body may be left out, or be the RFC 8058 one-click form a mail client POSTs. */
  oneClick?: boolean;
  /** Sends an ETag and answers 304 to an If-None-Match that names it. */
  conditional?: boolean;
}

/** Writes honour Idempotency-Key: a retry gets the first answer, the key with another request a 422. */
export const isWrite = (route: Pick<ApiRoute, 'method'>): boolean => route.method !== 'get';

/**
 * The problems a route gives by what it is, with those it lists: any path with a parameter may
 * hold a malformed escape (400) or name nothing there is (404); anything under /api reads a JSON
 * body when one is sent (400, 413, 415) and is rate limited (429), like the feeds; a write checks
 * its Idempotency-Key (400, 422); a role needs a token (401, 403); whatever reads the database may
 * find it gone (503).
 */
export function problemStatusesOf(route: ApiRoute): number[] {
  const statuses = new Set(route.problems);
  const add = (...more: number[]) => more.forEach((status) => statuses.add(status));
  if (route.path.includes('{')) add(400, 404);
  if (route.path.startsWith('/api/')) add(400, 413, 415, 429, 503);
  if (['/feeds/', '/badge/', '/oembed'].some((prefix) => route.path.startsWith(prefix))) add(429, 503);
  if (isWrite(route)) add(400, 422);
  if (route.role) add(401, 403);
  add(500);
  return [...statuses].sort((a, b) => a - b);
}
