import { z } from 'zod';
import { statusSchema } from './status';
import { instantSchema } from './time';
import { partySummarySchema } from './party-summary';

export const CATEGORIES = [
  'strategic_arms',
  'intermediate_range',
  'missile_defence',
  'test_ban',
  'non_proliferation',
  'prohibition',
  'conventional_forces',
  'confidence_building',
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

export const treatyIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as new-start')
  .max(60);

export const httpUrlSchema = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be an http or https URL' })
  .max(2000);

export const limitSchema = z.object({
  label: z.string().min(1).max(120),
  value: z.number(),
  /** The low end of a ceiling range (SORT: 1,700–2,200 warheads); `value` is then its high end. */
  from: z.number().optional(),
  unit: z.string().max(60),
  /** The day by which the limit had to be met: a deadline of the limit, not a term of the treaty. */
  deadline: z.iso.date().optional(),
});
export type Limit = z.infer<typeof limitSchema>;

export const sourceSchema = z.object({
  title: z.string().min(1).max(200),
  url: httpUrlSchema,
});
export type Source = z.infer<typeof sourceSchema>;

/**
 * A date on a treaty's calendar that is neither signature, entry into force nor end of term:
 * a review conference, a withdrawal taking effect. The deadlines calendar lists those to come.
 */
export const keyDateSchema = z.object({
  on: instantSchema,
  title: z.string().trim().min(1).max(200),
  sourceUrl: httpUrlSchema.optional(),
});
export type KeyDate = z.infer<typeof keyDateSchema>;

/** A calendar names each event once: the same moment and title twice is a mistake. */
export const keyDatesSchema = z
  .array(keyDateSchema)
  .max(50)
  .refine((dates) => new Set(dates.map((d) => `${Date.parse(d.on)} ${d.title.trim()}`)).size === dates.length, {
    error: 'each key date may appear only once (the same moment and title)',
  });

/** A field whose value the sources do not settle, with what they say: a reader sees it marked, the note on demand. */
export const caveatSchema = z.object({
  field: z.enum(['statusSince', 'signedAt', 'inForceAt', 'expiresAt', 'limits', 'parties']),
  note: z.string().min(1).max(1000),
});
export type Caveat = z.infer<typeof caveatSchema>;

export const treatySchema = z.object({
  id: treatyIdSchema,
  name: z.string().min(1).max(400),
  shortName: z.string().min(1).max(60),
  parties: z.string().max(1000),
  category: categorySchema,
  status: statusSchema,
  statusSince: instantSchema,
  signedAt: instantSchema.optional(),
  inForceAt: instantSchema.optional(),
  expiresAt: instantSchema.optional(),
  keyDates: keyDatesSchema.optional(),
  summary: z.string().max(5000),
  limits: z.array(limitSchema).optional(),
  sources: z.array(sourceSchema),
  caveats: z.array(caveatSchema).max(20).optional(),
  version: z.number().int().positive(),
  updatedAt: instantSchema,
  /** Who stands where, for a treaty whose states are on record; never stored, added when the treaty is sent. */
  partySummary: partySummarySchema.optional(),
});
export type Treaty = z.infer<typeof treatySchema>;

/** The fields a `treaty.created` or `treaty.changed` log entry may set. */
export const treatyFieldsSchema = treatySchema.omit({
  id: true,
  status: true,
  statusSince: true,
  version: true,
  updatedAt: true,
  partySummary: true,
});
export type TreatyFields = z.infer<typeof treatyFieldsSchema>;
