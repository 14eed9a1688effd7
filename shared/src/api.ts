import { z } from 'zod';
import { statusSchema } from './status';
import { instantSchema } from './time';
import { httpUrlSchema, treatySchema } from './treaty';
import { bodySchema, headlineSchema, updateSchema } from './update';
import { partyMoveSchema } from './party';

/** `POST /api/treaties/:id/updates`. Unknown fields are refused so a typo is not silently dropped. */
export const postUpdateBodySchema = z.strictObject({
  headline: headlineSchema,
  body: bodySchema.optional(),
  status: statusSchema.optional(),
  sourceUrl: httpUrlSchema.optional(),
  occurredAt: instantSchema.optional(),
  /** An embargo: the update stays hidden from everyone but editors until this moment. */
  publishAt: instantSchema.optional(),
  /** Moves one state in the treaty, in the same transaction as the update. */
  party: partyMoveSchema.optional(),
});
export type PostUpdateBody = z.infer<typeof postUpdateBodySchema>;

export const postUpdateResponseSchema = z.object({ update: updateSchema, treaty: treatySchema });
export type PostUpdateResponse = z.infer<typeof postUpdateResponseSchema>;

export const treatiesResponseSchema = z.object({
  seq: z.number().int().nonnegative(),
  treaties: z.array(treatySchema),
});
export type TreatiesResponse = z.infer<typeof treatiesResponseSchema>;

export const treatyDetailResponseSchema = z.object({
  treaty: treatySchema,
  updates: z.array(updateSchema),
});
export type TreatyDetailResponse = z.infer<typeof treatyDetailResponseSchema>;

export const UPDATES_PAGE_MAX = 500;

export const updatesQuerySchema = z.strictObject({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(UPDATES_PAGE_MAX).default(100),
});
export type UpdatesQuery = z.infer<typeof updatesQuerySchema>;

export const updatesResponseSchema = z.object({
  seq: z.number().int().nonnegative(),
  updates: z.array(updateSchema),
});
export type UpdatesResponse = z.infer<typeof updatesResponseSchema>;

/** `YYYY-MM-DD` (the end of that day, UTC) or a full UTC timestamp. */
export const asOfSchema = z.union([z.iso.date(), instantSchema], { error: 'must be YYYY-MM-DD or a UTC timestamp' });

export const snapshotQuerySchema = z.strictObject({ asOf: asOfSchema.optional() });
export type SnapshotQuery = z.infer<typeof snapshotQuerySchema>;

/** `PATCH /api/updates/:id`: a correction of the wording; its status is changed by retraction, not here. */
export const correctUpdateBodySchema = z
  .strictObject({
    headline: headlineSchema.optional(),
    body: bodySchema.optional(),
    sourceUrl: httpUrlSchema.or(z.literal('')).optional(),
  })
  .refine((b) => b.headline !== undefined || b.body !== undefined || b.sourceUrl !== undefined, {
    error: 'give at least one of headline, body or sourceUrl',
  });
export type CorrectUpdateBody = z.infer<typeof correctUpdateBodySchema>;

export const retractUpdateBodySchema = z.strictObject({
  reason: z.string().trim().min(1, 'say why the update is retracted').max(1000),
});
export type RetractUpdateBody = z.infer<typeof retractUpdateBodySchema>;

export const healthSchema = z.object({ status: z.literal('ok') });
export type Health = z.infer<typeof healthSchema>;

export const readySchema = z.object({ status: z.literal('ready'), store: z.string(), redis: z.literal(true).optional() });
export type Ready = z.infer<typeof readySchema>;
