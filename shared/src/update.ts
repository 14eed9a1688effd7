import { z } from 'zod';
import { statusSchema } from './status';
import { instantSchema } from './time';
import { httpUrlSchema, treatyIdSchema } from './treaty';

export const HEADLINE_MAX = 200;
export const BODY_MAX = 5000;

export const headlineSchema = z.string().trim().min(1, 'must not be empty').max(HEADLINE_MAX);
export const bodySchema = z.string().max(BODY_MAX);

export const updateSchema = z.object({
  id: z.string().min(1),
  seq: z.number().int().positive(),
  treatyId: treatyIdSchema,
  headline: headlineSchema,
  body: bodySchema.optional(),
  /** The status this update set; present only when it changed the treaty's status. */
  status: statusSchema.optional(),
  previousStatus: statusSchema.optional(),
  sourceUrl: httpUrlSchema.optional(),
  occurredAt: instantSchema,
  publishedAt: instantSchema,
  author: z.string(),
  correctedAt: instantSchema.optional(),
  retractedAt: instantSchema.optional(),
  retractionReason: z.string().optional(),
});
export type Update = z.infer<typeof updateSchema>;
