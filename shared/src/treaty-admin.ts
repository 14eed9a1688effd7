import { z } from 'zod';
import { statusSchema } from './status';
import { freeTextSchema, lineSchema, optionalLineSchema } from './text';
import { instantSchema } from './time';
import { categorySchema, keyDatesSchema, limitSchema, sourceSchema, treatyIdSchema, treatySchema } from './treaty';

/** `POST /api/treaties` (admin): a treaty appears on the board from `effectiveAt` (default now). */
export const createTreatyBodySchema = z.strictObject({
  id: treatyIdSchema,
  name: lineSchema(400),
  shortName: lineSchema(60),
  parties: optionalLineSchema(1000).default(''),
  category: categorySchema,
  summary: freeTextSchema(5000).default(''),
  limits: z.array(limitSchema).max(50).optional(),
  sources: z.array(sourceSchema).max(50).default([]),
  status: statusSchema.default('negotiating'),
  signedAt: instantSchema.optional(),
  inForceAt: instantSchema.optional(),
  expiresAt: instantSchema.optional(),
  keyDates: keyDatesSchema.optional(),
  effectiveAt: instantSchema.optional(),
});
export type CreateTreatyBody = z.infer<typeof createTreatyBodySchema>;

/** Fields a change may remove by sending null. */
export const CLEARABLE_TREATY_FIELDS = ['signedAt', 'inForceAt', 'expiresAt', 'limits', 'keyDates'] as const;
export type ClearableTreatyField = (typeof CLEARABLE_TREATY_FIELDS)[number];

/**
 * `PATCH /api/treaties/:id` (admin, with If-Match): any field, effective from `effectiveAt`
 * (default now), e.g. New START's `expiresAt` moved to 2026-02-05 effective 2021-02-03.
 */
export const changeTreatyBodySchema = z
  .strictObject({
    name: lineSchema(400).optional(),
    shortName: lineSchema(60).optional(),
    parties: optionalLineSchema(1000).optional(),
    category: categorySchema.optional(),
    summary: freeTextSchema(5000).optional(),
    limits: z.array(limitSchema).max(50).nullable().optional(),
    sources: z.array(sourceSchema).max(50).optional(),
    status: statusSchema.optional(),
    signedAt: instantSchema.nullable().optional(),
    inForceAt: instantSchema.nullable().optional(),
    expiresAt: instantSchema.nullable().optional(),
    keyDates: keyDatesSchema.nullable().optional(),
    effectiveAt: instantSchema.optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'effectiveAt'), {
    error: 'give at least one field to change',
  });
export type ChangeTreatyBody = z.infer<typeof changeTreatyBodySchema>;

export const treatyResponseSchema = z.object({ treaty: treatySchema });
export type TreatyResponse = z.infer<typeof treatyResponseSchema>;
