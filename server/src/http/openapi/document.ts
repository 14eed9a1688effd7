import { z } from 'zod';
import type { Media } from './media';
import { isWrite, problemStatusesOf, type ApiRoute } from './api-route';
import { API_ROUTES } from './routes';
import { SCHEMAS, type SchemaName } from './schemas';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

/** What a client sends is described as zod reads it (defaults optional); what it gets, as zod writes it. */
const INPUTS = new Set<SchemaName>(API_ROUTES.flatMap((r) => [r.body, r.query].filter((n): n is SchemaName => !!n)));

function jsonSchema(name: SchemaName): JsonSchema {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(SCHEMAS[name], {
    target: 'draft-2020-12',
    io: INPUTS.has(name) ? 'input' : 'output',
    unrepresentable: 'any',
  }) as JsonSchema;
  return schema;
}

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid body, query, header or path (a malformed escape); `errors` names each part',
  401: 'Missing, unknown or revoked token',
  403: 'The token lacks the role or the treaty scope',
  404: 'No such treaty, update, token or subscription link',
  409: 'Conflict: an impossible status change (with `allowed`), a stale version, or a duplicate',
  412: 'If-Match names a version this file is not',
  413: 'Body over 64 KB',
  416: 'Range outside the file',
  415: 'Body is not JSON, or in a charset or Content-Encoding the server does not read',
  422: 'Idempotency-Key reused with a different request, or a request that cannot be carried out as sent',
  428: 'If-Match is required',
  429: 'Rate limited; see Retry-After',
  500: 'Something failed on the server; nothing was changed',
  503: 'The database refuses writes or does not answer (see Retry-After), or email alerts are not set up here',
};

const body = (media: SchemaName | Media) =>
  typeof media === 'string'
    ? { 'application/json': { schema: ref(media) } }
    : { [media.type]: { schema: media.schema ?? { type: 'string' } } };

/** RFC 8058: a mail client POSTs this form to the List-Unsubscribe address; a page may send the token as JSON instead. */
const ONE_CLICK_FORM = { schema: { type: 'object', properties: { 'List-Unsubscribe': { const: 'One-Click' } } } };
const ONE_CLICK_BODY = {
  required: false,
  content: {
    'application/x-www-form-urlencoded': ONE_CLICK_FORM,
    'multipart/form-data': ONE_CLICK_FORM,
    'application/json': { schema: ref('SubscriptionTokenBody') },
  },
};

const ETAG = { ETag: { description: 'The version of this answer, for If-None-Match', schema: { type: 'string' } } };
const REPLAYED = {
  'Idempotent-Replayed': {
    description: 'Present on a retry with the same Idempotency-Key: the first answer again',
    schema: { const: 'true' },
  },
};

function operation(route: ApiRoute) {
  const parameters: unknown[] = [];
  for (const match of route.path.matchAll(/\{(\w+)\}/g)) {
    parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
  }
  if (route.query) {
    const query = jsonSchema(route.query);
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  if (route.headers?.ifMatch) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: true,
      description: 'The version you read, as in the ETag',
      schema: { type: 'string' },
    });
  }
  if (isWrite(route)) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'A retry with the same key returns the first result',
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
    });
  }
  if (route.conditional) {
    parameters.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: 'The ETag you hold; 304 when it is still current',
      schema: { type: 'string' },
    });
  }
  const [okStatus, okBody] = route.ok;
  const headers = { ...(route.conditional ? ETAG : {}), ...(isWrite(route) ? REPLAYED : {}) };
  const success = (description: string, media: SchemaName | Media) => ({
    description,
    ...(Object.keys(headers).length ? { headers } : {}),
    content: body(media),
  });
  return {
    summary: route.summary,
    ...(route.role ? { description: `Needs the ${route.role} role.`, security: [{ bearer: [] }] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.body) } } } } : {}),
    ...(route.oneClick ? { requestBody: ONE_CLICK_BODY } : {}),
    responses: {
      [okStatus]: success('Success', okBody),
      ...(route.alsoOk ? { [route.alsoOk[0]]: success(route.alsoOk[2], route.alsoOk[1]) } : {}),
      ...(route.conditional ? { 304: { description: 'Not modified: the If-None-Match named the current version', headers: ETAG } } : {}),
      ...Object.fromEntries(
        problemStatusesOf(route).map((status) => [
          status,
          { description: PROBLEM_TEXT[status] ?? 'Problem', content: { 'application/problem+json': { schema: ref('Problem') } } },
        ]),
      ),
    },
  };
}

const header = (name: string, description: string) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } });

/** What a registered endpoint receives for every change it asked for. */
const WEBHOOK_OPERATION = {
  post: {
    summary: 'A change, signed the Standard Webhooks way',
    description:
      'Sent to every enabled endpoint whose treaties and kinds match, one at a time per endpoint in seq order. Any answer but 2xx is retried with exponential backoff and jitter; a day of failures disables the endpoint. This body is what an endpoint of format `standard` gets; `slack`, `teams` and `discord` endpoints get a chat message for the change instead, signed the same way.',
    parameters: [
      header('webhook-id', 'The same on every attempt of one delivery: use it to drop a repeat'),
      header('webhook-timestamp', 'Seconds since the epoch when this attempt was signed'),
      header('webhook-signature', 'v1,<base64 HMAC-SHA256 of id.timestamp.body keyed with the secret after whsec_>'),
    ],
    requestBody: { required: true, content: { 'application/json': { schema: ref('WebhookPayload') } } },
    responses: { '2XX': { description: 'Received' } },
  },
};

/** The OpenAPI 3.1 document, generated from the shared zod schemas and the route table. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Treaty Watch API',
      version: '1',
      description:
        'A live status board for arms-control treaties. Every date is an ISO 8601 UTC timestamp; errors are application/problem+json. Realtime changes arrive over Socket.IO at /socket.io.',
    },
    paths,
    webhooks: { change: WEBHOOK_OPERATION },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: Object.fromEntries((Object.keys(SCHEMAS) as SchemaName[]).map((name) => [name, jsonSchema(name)])),
    },
  };
}
