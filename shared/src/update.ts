import { z } from 'zod';
import { statusSchema } from './status';
import { instantSchema } from './time';
import { httpUrlSchema, treatyIdSchema } from './treaty';
import { partyActionSchema } from './party';

export const HEADLINE_MAX = 200;
export const BODY_MAX = 5000;

export const headlineSchema = z.string().trim().min(1, 'must not be empty').max(HEADLINE_MAX);
export const bodySchema = z.string().max(BODY_MAX);

/** An earlier wording of a corrected update: nothing an editor published silently disappears. */
export const revisionSchema = z.object({
  headline: z.string(),
  body: z.string().optional(),
  sourceUrl: z.string().optional(),
  /** When this wording was replaced, and by whom. */
  replacedAt: instantSchema,
  replacedBy: z.string(),
});
export type Revision = z.infer<typeof revisionSchema>;

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
  /** Earlier wordings, oldest first. */
  revisions: z.array(revisionSchema).optional(),
  retractedAt: instantSchema.optional(),
  retractionReason: z.string().optional(),
  /** The status the update asked for; kept on a retracted update, which no longer sets it. */
  requestedStatus: statusSchema.optional(),
  /**
   * The state this update moves and how (ISO 3166-1 alpha-2, upper case). Kept on a retracted
   * update, which no longer moves it.
   */
  party: z
    .object({
      code: z.string(),
      action: partyActionSchema,
      /** The record holds the act but not its day: `occurredAt` only places it in the log, it is no date. */
      dateUnknown: z.boolean().optional(),
      uncertain: z.boolean().optional(),
    })
    .optional(),
});
export type Update = z.infer<typeof updateSchema>;
