import { z } from 'zod';
import { statusSchema } from './status';
import { instantSchema } from './time';
import { httpUrlSchema, treatyIdSchema } from './treaty';
import { partyActionSchema } from './party';

/**
 * An embargoed update waits here, outside the log, until its `publishAt`: nobody but editors
 * can see it until then, and the log only ever holds what readers were shown.
 */
export const SCHEDULED_STATES = ['scheduled', 'published', 'cancelled', 'failed'] as const;
export const scheduledStateSchema = z.enum(SCHEDULED_STATES);
export type ScheduledState = z.infer<typeof scheduledStateSchema>;

/** How far ahead an embargo may run. */
export const EMBARGO_MAX_DAYS = 366;

export const scheduledUpdateSchema = z.object({
  /** Also the id of the update it becomes. */
  id: z.string().min(1),
  treatyId: treatyIdSchema,
  headline: z.string(),
  body: z.string().optional(),
  /** The status the update asks for; checked again when it is published. */
  status: statusSchema.optional(),
  sourceUrl: httpUrlSchema.optional(),
  /** The state the update moves; checked again, against the record then, when it is published. */
  party: z.object({ code: z.string(), action: partyActionSchema }).optional(),
  /** As the editor gave it, or else `publishAt`. */
  occurredAt: instantSchema,
  publishAt: instantSchema,
  author: z.string(),
  createdAt: instantSchema,
  state: scheduledStateSchema,
  /** The seq of the `update.posted` entry it became. */
  publishedSeq: z.number().int().positive().optional(),
  publishedAt: instantSchema.optional(),
  cancelledAt: instantSchema.optional(),
  cancelledBy: z.string().optional(),
  failedAt: instantSchema.optional(),
  /** Why it could not be published, e.g. the treaty's status moved on in the meantime. */
  failure: z.string().optional(),
});
export type ScheduledUpdate = z.infer<typeof scheduledUpdateSchema>;

export const scheduledResponseSchema = z.object({ scheduled: scheduledUpdateSchema });
export type ScheduledResponse = z.infer<typeof scheduledResponseSchema>;

export const scheduledQuerySchema = z.strictObject({
  state: scheduledStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ScheduledQuery = z.infer<typeof scheduledQuerySchema>;

export const scheduledListResponseSchema = z.object({ scheduled: z.array(scheduledUpdateSchema) });
export type ScheduledListResponse = z.infer<typeof scheduledListResponseSchema>;
