import { z } from 'zod';
import { changeKindSchema, changeSchema } from './change';
import { optionalLineSchema } from './text';
import { instantSchema } from './time';
import { storedUrlSchema } from './url';
import { treatyIdSchema } from './treaty';
import { vocabulary } from './vocabulary';

/**
 * An http(s) URL. Whether its host may be reached (public addresses only, unless the server runs
 * with WEBHOOK_ALLOW_PRIVATE) takes DNS and the server's configuration, so the server checks that.
 */
export const webhookUrlSchema = storedUrlSchema();

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const decodedBytes = (base64: string) => (base64.length / 4) * 3 - (base64.match(/=+$/)?.[0].length ?? 0);

/**
 * The Standard Webhooks form: `whsec_` and the padded base64 of 24 to 64 random bytes, which
 * the libraries partners verify with insist on.
 */
export const webhookSecretSchema = z.string().refine((secret) => {
  const key = secret.startsWith('whsec_') ? secret.slice(6) : '';
  return BASE64.test(key) && decodedBytes(key) >= 24 && decodedBytes(key) <= 64;
}, 'must be whsec_ followed by the base64 of 24 to 64 bytes');

/**
 * What an endpoint receives: `standard` is the Standard Webhooks JSON of the change; `slack`,
 * `teams` and `discord` are a message those chat services' incoming webhooks post to a channel.
 */
export const {
  words: WEBHOOK_FORMATS,
  schema: webhookFormatSchema,
  labels: WEBHOOK_FORMAT_LABELS,
} = vocabulary({
  standard: 'Standard Webhooks JSON',
  slack: 'Slack (incoming webhook)',
  teams: 'Microsoft Teams (Workflows webhook)',
  discord: 'Discord (channel webhook)',
});
export type WebhookFormat = z.infer<typeof webhookFormatSchema>;

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: webhookUrlSchema,
  description: z.string().optional(),
  /** Only changes to these treaties; every treaty when absent. */
  treaties: z.array(treatyIdSchema).optional(),
  /** Only these kinds of change; every kind when absent. */
  kinds: z.array(changeKindSchema).optional(),
  format: webhookFormatSchema,
  enabled: z.boolean(),
  createdAt: instantSchema,
  /** Since when every attempt has failed; a day of that disables the endpoint. */
  failingSince: instantSchema.optional(),
  disabledAt: instantSchema.optional(),
  disabledReason: z.string().optional(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const createWebhookBodySchema = z.strictObject({
  url: webhookUrlSchema,
  /** Made for you when absent; either way it is in the answer once and never again. */
  secret: webhookSecretSchema.optional(),
  description: optionalLineSchema(200).optional(),
  treaties: z.array(treatyIdSchema).min(1).max(100).optional(),
  kinds: z.array(changeKindSchema).min(1).optional(),
  /** `standard` when absent. */
  format: webhookFormatSchema.optional(),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBodySchema>;

export const createWebhookResponseSchema = z.object({ endpoint: webhookEndpointSchema, secret: webhookSecretSchema });
export type CreateWebhookResponse = z.infer<typeof createWebhookResponseSchema>;

/** `enabled: true` brings back an endpoint that was disabled, by hand or after a day of failures. */
export const changeWebhookBodySchema = z
  .strictObject({
    url: webhookUrlSchema.optional(),
    description: optionalLineSchema(200).optional(),
    treaties: z.array(treatyIdSchema).min(1).max(100).nullable().optional(),
    kinds: z.array(changeKindSchema).min(1).nullable().optional(),
    format: webhookFormatSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'give at least one field to change' });
export type ChangeWebhookBody = z.infer<typeof changeWebhookBodySchema>;

export const webhookResponseSchema = z.object({ endpoint: webhookEndpointSchema });
export type WebhookResponse = z.infer<typeof webhookResponseSchema>;

export const webhooksResponseSchema = z.object({ endpoints: z.array(webhookEndpointSchema) });
export type WebhooksResponse = z.infer<typeof webhooksResponseSchema>;

export const DELIVERY_STATES = ['pending', 'delivered'] as const;
export const deliveryStateSchema = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

export const webhookAttemptSchema = z.object({
  at: instantSchema,
  /** The HTTP status the endpoint answered, absent when it could not be reached. */
  status: z.number().int().optional(),
  /**
   * Why the attempt failed when there was no answer: `timeout`, `unreachable` (no connection, no
   * DNS answer, a TLS failure) or `refused-target` (not a public address). Coarse on purpose, so
   * the log cannot serve as a port scanner; entries from older versions may say more.
   */
  error: z.string().optional(),
  latencyMs: z.number().nonnegative(),
});
export type WebhookAttempt = z.infer<typeof webhookAttemptSchema>;

/** One change on its way to one endpoint; its id is the `webhook-id` every attempt carries. */
export const webhookDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  seq: z.number().int().positive(),
  kind: changeKindSchema,
  treatyId: treatyIdSchema,
  state: deliveryStateSchema,
  attempts: z.number().int().nonnegative(),
  createdAt: instantSchema,
  /** When the next attempt is due, while pending. */
  nextAttemptAt: instantSchema.optional(),
  deliveredAt: instantSchema.optional(),
  /** The latest attempts, oldest first. */
  history: z.array(webhookAttemptSchema),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const deliveriesQuerySchema = z.strictObject({
  state: deliveryStateSchema.optional(),
  /** Deliveries of changes before this seq, for paging back. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type DeliveriesQuery = z.infer<typeof deliveriesQuerySchema>;

export const deliveriesResponseSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });
export type DeliveriesResponse = z.infer<typeof deliveriesResponseSchema>;

/** What an endpoint receives: the change exactly as dashboards get it, in the Standard Webhooks envelope. */
export const webhookPayloadSchema = z.object({
  type: changeKindSchema,
  timestamp: instantSchema,
  data: changeSchema,
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/** A test delivery's answer: the attempt as the delivery log would show it. The test is not logged. */
export const webhookTestResponseSchema = z.object({ attempt: webhookAttemptSchema, ok: z.boolean() });
export type WebhookTestResponse = z.infer<typeof webhookTestResponseSchema>;
