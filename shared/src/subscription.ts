import { z } from 'zod';
import { instantSchema } from './time';
import { treatyIdSchema } from './treaty';

/** RFC 5321's limit on a path; longer addresses are refused rather than cut. */
export const EMAIL_MAX = 254;

/**
 * A dot-atom local part and a domain of letters, digits and hyphens: no quotes, spaces, commas,
 * angle brackets or control characters, so the address can only ever be one recipient and can
 * never break out of a header. Some valid but exotic addresses (quoted local parts, IP literals)
 * are refused; a newsroom's readers do not use them.
 */
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Kept lower-cased: one address is one subscription, however it was typed. */
export const subscriberEmailSchema = z
  .string({ error: 'must be an email address' })
  .transform((email) => email.trim())
  .pipe(
    z
      .string()
      .max(EMAIL_MAX, `must be at most ${EMAIL_MAX} characters`)
      .regex(EMAIL, 'must be an email address such as name@example.org')
      .refine((email) => (email.split('@')[0] ?? '').length <= 64, 'the part before @ must be at most 64 characters'),
  )
  .transform((email) => email.toLowerCase());

export const CADENCES = ['immediate', 'daily'] as const;
export const cadenceSchema = z.enum(CADENCES);
export type Cadence = z.infer<typeof cadenceSchema>;

/** The hour (UTC) a daily digest goes out when none is given. */
export const DEFAULT_DIGEST_HOUR = 7;

const hourSchema = z.number().int().min(0, 'must be an hour from 0 to 23 (UTC)').max(23, 'must be an hour from 0 to 23 (UTC)');
const followedSchema = z.array(treatyIdSchema).min(1, 'pick at least one treaty, or leave treaties out for all').max(100);

const hourOnlyForDigests = (body: { cadence?: Cadence; hour?: number }) => body.hour === undefined || body.cadence !== 'immediate';
const HOUR_ONLY_FOR_DIGESTS = { error: 'an hour is for a daily digest', path: ['hour'] };

export const subscribeBodySchema = z
  .strictObject({
    email: subscriberEmailSchema,
    /** Every treaty when absent. */
    treaties: followedSchema.optional(),
    cadence: cadenceSchema.default('immediate'),
    hour: hourSchema.optional(),
  })
  .refine(hourOnlyForDigests, HOUR_ONLY_FOR_DIGESTS);
export type SubscribeBody = z.input<typeof subscribeBodySchema>;
/** The body as the server has it once parsed: the cadence filled in. */
export type SubscribeRequest = z.infer<typeof subscribeBodySchema>;

/** What a confirmation, manage or unsubscribe link carries: 32 random bytes, base64url. */
export const subscriptionTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the token from the link in your email');

/** The one-click address (RFC 8058) carries its token in the query; the manage page may send it in a JSON body instead. */
export const unsubscribeQuerySchema = z.strictObject({ token: subscriptionTokenSchema.optional() });

export const subscriptionTokenBodySchema = z.strictObject({ token: subscriptionTokenSchema });
export type SubscriptionTokenBody = z.infer<typeof subscriptionTokenBodySchema>;

export const changeSubscriptionBodySchema = z
  .strictObject({
    token: subscriptionTokenSchema,
    /** null follows every treaty. */
    treaties: followedSchema.nullable().optional(),
    cadence: cadenceSchema.optional(),
    hour: hourSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 1, { error: 'give at least one thing to change' })
  .refine(hourOnlyForDigests, HOUR_ONLY_FOR_DIGESTS);
export type ChangeSubscriptionBody = z.infer<typeof changeSubscriptionBodySchema>;

export const subscriptionSchema = z.object({
  email: z.string(),
  /** Every treaty when absent. */
  treaties: z.array(treatyIdSchema).optional(),
  cadence: cadenceSchema,
  /** The hour (UTC) of the daily digest. */
  hour: z.number().int().min(0).max(23).optional(),
  confirmed: z.boolean(),
  createdAt: instantSchema,
  confirmedAt: instantSchema.optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const subscriptionResponseSchema = z.object({ subscription: subscriptionSchema });
export type SubscriptionResponse = z.infer<typeof subscriptionResponseSchema>;

/** The same answer whether the address was new, waiting or already confirmed: nobody learns who subscribes. */
export const subscribeResponseSchema = z.object({ state: z.literal('confirmation-sent') });
export type SubscribeResponse = z.infer<typeof subscribeResponseSchema>;

export const unsubscribedResponseSchema = z.object({ unsubscribed: z.literal(true) });
export type UnsubscribedResponse = z.infer<typeof unsubscribedResponseSchema>;

/** Whether this server sends alerts at all (it needs SMTP_URL). */
export const alertsStatusSchema = z.object({ enabled: z.boolean() });
export type AlertsStatus = z.infer<typeof alertsStatusSchema>;

/** What an admin sees of the readers: numbers, never addresses. */
export const subscriptionCountsSchema = z.object({
  awaitingConfirmation: z.number().int().nonnegative(),
  confirmed: z.number().int().nonnegative(),
  immediate: z.number().int().nonnegative(),
  daily: z.number().int().nonnegative(),
  /** Messages waiting in the outbox, retries included. */
  queued: z.number().int().nonnegative(),
  /** Messages whose last attempt failed and that wait for a retry. */
  retrying: z.number().int().nonnegative(),
  sentLastDay: z.number().int().nonnegative(),
});
export type SubscriptionCounts = z.infer<typeof subscriptionCountsSchema>;

export const subscriptionCountsResponseSchema = z.object({ enabled: z.boolean(), counts: subscriptionCountsSchema });
export type SubscriptionCountsResponse = z.infer<typeof subscriptionCountsResponseSchema>;

/** An admin asks about one address, never for a list. */
export const subscriptionLookupBodySchema = z.strictObject({ email: subscriberEmailSchema });
export type SubscriptionLookupBody = z.infer<typeof subscriptionLookupBodySchema>;
