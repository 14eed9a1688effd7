import type { Role } from '@treaty-watch/shared';
import { JSON_FEED, text, type Media } from './media';
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
  problems: number[];
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
 * hold a malformed escape (400); anything under /api reads a JSON body when one is sent (400, 413,
 * 415) and is rate limited (429), like the feeds; a write checks its Idempotency-Key (400, 422);
 * a role needs a token (401, 403); whatever reads the database may find it gone (503).
 */
export function problemStatusesOf(route: ApiRoute): number[] {
  const statuses = new Set(route.problems);
  const add = (...more: number[]) => more.forEach((status) => statuses.add(status));
  if (route.path.includes('{')) add(400);
  if (route.path.startsWith('/api/')) add(400, 413, 415, 429, 503);
  if (['/feeds/', '/badge/', '/oembed'].some((prefix) => route.path.startsWith(prefix))) add(429, 503);
  if (isWrite(route)) add(400, 422);
  if (route.role) add(401, 403);
  add(500);
  return [...statuses].sort((a, b) => a - b);
}

/** Every route the server answers, as the OpenAPI document lists it; a test checks them against the server. */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'get', path: '/api/treaties', summary: 'The board: every treaty', ok: [200, 'TreatiesResponse'], problems: [] },
  {
    method: 'get',
    path: '/api/treaties/{id}',
    summary: 'One treaty and its updates, newest first',
    ok: [200, 'TreatyDetailResponse'],
    problems: [404],
  },
  {
    method: 'post',
    path: '/api/treaties/{id}/updates',
    summary: 'Post a status update, or with a future publishAt hold it under embargo until then',
    role: 'editor',
    body: 'PostUpdateBody',
    ok: [201, 'PostUpdateResponse'],
    alsoOk: [202, 'ScheduledResponse', 'Held under embargo until publishAt; only editors can see it until then'],
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/treaties',
    summary: 'Create a treaty',
    role: 'admin',
    body: 'CreateTreatyBody',
    ok: [201, 'TreatyResponse'],
    problems: [400, 401, 403, 409, 413, 415, 422],
  },
  {
    method: 'patch',
    path: '/api/treaties/{id}',
    summary: 'Change a treaty, effective from a date',
    role: 'admin',
    body: 'ChangeTreatyBody',
    ok: [200, 'TreatyResponse'],
    problems: [400, 401, 403, 404, 409, 413, 415, 428],
    headers: { ifMatch: true },
  },
  {
    method: 'get',
    path: '/api/treaties/{id}/parties',
    summary: 'Who stands where in a treaty, state by state with history and sources, now or as of a date',
    query: 'SnapshotQuery',
    ok: [200, 'TreatyPartiesResponse'],
    problems: [400, 404],
  },
  {
    method: 'get',
    path: '/api/parties/{code}',
    summary: 'One state (ISO 3166-1 alpha-2 code) in every treaty whose record names it',
    ok: [200, 'StateTreatiesResponse'],
    problems: [404],
  },
  {
    method: 'get',
    path: '/api/treaties/{id}/data-exchanges',
    summary: 'New START data exchanges from the fact sheet, with sources',
    ok: [200, 'DataExchangesResponse'],
    problems: [404],
  },
  {
    method: 'get',
    path: '/api/updates',
    summary: 'Updates after a seq, in seq order',
    query: 'UpdatesQuery',
    ok: [200, 'UpdatesResponse'],
    problems: [400],
  },
  {
    method: 'patch',
    path: '/api/updates/{id}',
    summary: 'Correct an update; the earlier wording is kept',
    role: 'editor',
    body: 'CorrectUpdateBody',
    ok: [200, 'PostUpdateResponse'],
    problems: [400, 401, 403, 404, 409, 413, 415],
  },
  {
    method: 'post',
    path: '/api/updates/{id}/retract',
    summary: 'Retract an update; it stays visible, and any status it set is taken back',
    role: 'editor',
    body: 'RetractUpdateBody',
    ok: [200, 'PostUpdateResponse'],
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/snapshot',
    summary: 'The board and the latest 50 updates, now or as of a date',
    query: 'SnapshotQuery',
    ok: [200, 'Snapshot'],
    problems: [400],
  },
  {
    method: 'get',
    path: '/api/stream',
    summary:
      'Server-Sent Events: a snapshot (or, with Last-Event-ID, the changes missed), then every change as it happens (id: its seq; event: change); a comment every 25 s',
    query: 'StreamQuery',
    ok: [200, text('text/event-stream')],
    problems: [400, 503],
  },
  {
    method: 'get',
    path: '/api/scheduled',
    summary: 'Embargoed updates, latest publishAt first',
    role: 'editor',
    query: 'ScheduledQuery',
    ok: [200, 'ScheduledListResponse'],
    problems: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/api/scheduled/{id}',
    summary: 'One embargoed update and what became of it',
    role: 'editor',
    ok: [200, 'ScheduledResponse'],
    problems: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/scheduled/{id}/cancel',
    summary: 'Cancel an embargoed update before its time',
    role: 'editor',
    ok: [200, 'ScheduledResponse'],
    problems: [401, 403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/api/tokens',
    summary: 'List tokens (never their values)',
    role: 'admin',
    ok: [200, 'TokensResponse'],
    problems: [401, 403],
  },
  {
    method: 'post',
    path: '/api/tokens',
    summary: 'Create a token; its value is in this answer only',
    role: 'admin',
    body: 'CreateTokenBody',
    ok: [201, 'CreateTokenResponse'],
    problems: [400, 401, 403, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/tokens/{id}/revoke',
    summary: 'Revoke a token at once',
    role: 'admin',
    ok: [200, 'RevokeTokenResponse'],
    problems: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/search',
    summary: 'Full-text search of every update, newest first, with matches marked; editors find embargoed ones too',
    query: 'SearchQuery',
    ok: [200, 'SearchResponse'],
    problems: [400, 401],
  },
  {
    method: 'get',
    path: '/api/audit',
    summary: 'Who did what, newest first; only one token, treaty or kind of action when asked',
    role: 'admin',
    query: 'AuditQuery',
    ok: [200, 'AuditResponse'],
    problems: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/api/session',
    summary: 'Who this browser is signed in as (the session cookie), or 401',
    ok: [200, 'SessionResponse'],
    problems: [401],
  },
  {
    method: 'post',
    path: '/api/session',
    summary: 'Sign a browser in with a token: sets an HttpOnly, SameSite=Strict session cookie; only from this server’s own pages (Origin)',
    body: 'SignInBody',
    ok: [201, 'SessionResponse'],
    problems: [400, 401, 403, 413, 415],
  },
  {
    method: 'delete',
    path: '/api/session',
    summary: 'Sign out: the session ends and its cookie is cleared',
    ok: [200, 'SignedOutResponse'],
    problems: [403],
  },
  {
    method: 'get',
    path: '/api/webhooks',
    summary: 'Webhook endpoints (never their secrets)',
    role: 'admin',
    ok: [200, 'WebhooksResponse'],
    problems: [401, 403],
  },
  {
    method: 'post',
    path: '/api/webhooks',
    summary: 'Register a webhook endpoint; its secret is in this answer only',
    role: 'admin',
    body: 'CreateWebhookBody',
    ok: [201, 'CreateWebhookResponse'],
    problems: [400, 401, 403, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/webhooks/{id}',
    summary: 'One webhook endpoint and its state',
    role: 'admin',
    ok: [200, 'WebhookResponse'],
    problems: [401, 403, 404],
  },
  {
    method: 'patch',
    path: '/api/webhooks/{id}',
    summary: 'Change a webhook endpoint; enabled: true brings a disabled one back',
    role: 'admin',
    body: 'ChangeWebhookBody',
    ok: [200, 'WebhookResponse'],
    problems: [400, 401, 403, 404, 413, 415],
  },
  {
    method: 'post',
    path: '/api/webhooks/{id}/test',
    summary:
      'Send a sample change to the endpoint, in its format and signed, and answer how it answered; not queued, not in the delivery log',
    role: 'admin',
    ok: [200, 'WebhookTestResponse'],
    problems: [401, 403, 404],
  },
  {
    method: 'delete',
    path: '/api/webhooks/{id}',
    summary: 'Remove a webhook endpoint and its deliveries',
    role: 'admin',
    ok: [200, 'WebhookResponse'],
    problems: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/webhooks/{id}/deliveries',
    summary: 'The delivery log of an endpoint, latest change first: state, attempts, status, latency',
    role: 'admin',
    query: 'DeliveriesQuery',
    ok: [200, 'DeliveriesResponse'],
    problems: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/alerts',
    summary: 'Whether this server sends email alerts (it needs SMTP_URL)',
    ok: [200, 'AlertsStatus'],
    problems: [],
  },
  {
    method: 'post',
    path: '/api/subscriptions',
    summary:
      'Ask for email alerts: only a confirmation is mailed until its link is followed; the same answer whether the address is new or not',
    body: 'SubscribeBody',
    ok: [202, 'SubscribeResponse'],
    problems: [400, 413, 415, 429, 503],
  },
  {
    method: 'post',
    path: '/api/subscriptions/confirm',
    summary: 'Confirm an address with the token from the confirmation email; alerts start with the next change',
    body: 'SubscriptionTokenBody',
    ok: [200, 'SubscriptionResponse'],
    problems: [400, 404, 413, 415],
  },
  {
    method: 'post',
    path: '/api/subscriptions/manage',
    summary: 'The subscription a link in an alert manages (its token in the body, never in the URL)',
    body: 'SubscriptionTokenBody',
    ok: [200, 'SubscriptionResponse'],
    problems: [400, 404, 413, 415],
  },
  {
    method: 'patch',
    path: '/api/subscriptions/manage',
    summary: 'Change which treaties, how often and at what hour (UTC)',
    body: 'ChangeSubscriptionBody',
    ok: [200, 'SubscriptionResponse'],
    problems: [400, 404, 413, 415],
  },
  {
    method: 'post',
    path: '/api/subscriptions/unsubscribe',
    summary:
      'Unsubscribe and delete the address: the one-click address of List-Unsubscribe (RFC 8058), or the manage page with the token in a JSON body',
    query: 'UnsubscribeQuery',
    oneClick: true,
    ok: [200, 'UnsubscribedResponse'],
    problems: [400, 404, 413, 415],
  },
  {
    method: 'get',
    path: '/api/subscriptions/counts',
    summary: 'How many readers get alerts, and the outbox: counts only, never addresses',
    role: 'admin',
    ok: [200, 'SubscriptionCountsResponse'],
    problems: [401, 403],
  },
  {
    method: 'post',
    path: '/api/subscriptions/lookup',
    summary: 'One address’s subscription, when an admin asks for that address (there is no list)',
    role: 'admin',
    body: 'SubscriptionLookupBody',
    ok: [200, 'SubscriptionResponse'],
    problems: [400, 401, 403, 404, 413, 415],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    ok: [200, { type: 'application/json', schema: { type: 'object' } }],
    problems: [],
  },
  {
    method: 'get',
    path: '/api/docs',
    summary: 'A page that reads this document, served as a file (ranges and conditional requests as for any file)',
    ok: [200, text('text/html')],
    alsoOk: [206, text('text/html'), 'The range of the page asked for'],
    problems: [412, 416],
    conditional: true,
  },
  {
    method: 'get',
    path: '/feeds/updates.atom',
    summary: 'Atom feed of the latest updates',
    ok: [200, text('application/atom+xml')],
    problems: [],
    conditional: true,
  },
  {
    method: 'get',
    path: '/feeds/updates.json',
    summary: 'JSON Feed of the latest updates',
    ok: [200, JSON_FEED],
    problems: [],
    conditional: true,
  },
  {
    method: 'get',
    path: '/feeds/treaties/{id}.atom',
    summary: "Atom feed of one treaty's updates",
    ok: [200, text('application/atom+xml')],
    problems: [404],
    conditional: true,
  },
  {
    method: 'get',
    path: '/feeds/deadlines.ics',
    summary: 'iCalendar of coming deadlines (expiries, key dates)',
    ok: [200, text('text/calendar')],
    problems: [],
    conditional: true,
  },
  {
    method: 'get',
    path: '/badge/{id}.svg',
    summary: "A treaty's status as a small SVG image, for pages and mail that run no scripts",
    ok: [200, text('image/svg+xml')],
    problems: [404],
    conditional: true,
  },
  {
    method: 'get',
    path: '/oembed',
    summary: 'oEmbed 1.0 (JSON) for a treaty page, a treaty widget or the board widget on this server',
    query: 'OEmbedQuery',
    ok: [200, 'OEmbedResponse'],
    problems: [400, 404, 501],
  },
  { method: 'get', path: '/healthz', summary: 'Liveness', ok: [200, 'Health'], problems: [] },
  { method: 'get', path: '/readyz', summary: 'Readiness: the database answers', ok: [200, 'Ready'], problems: [503] },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics, in its text format', ok: [200, text('text/plain')], problems: [] },
];
