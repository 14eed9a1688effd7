import { z } from 'zod';

/**
 * Updates that took effect on one UTC day, with the count of each treaty that had any: a
 * screen that shows some treaties counts only theirs.
 */
export const activityDaySchema = z.object({
  date: z.iso.date(),
  count: z.number().int().nonnegative(),
  byTreaty: z.record(z.string(), z.number().int().positive()),
});
export type ActivityDay = z.infer<typeof activityDaySchema>;

/**
 * One day from its per-treaty counts (a Map or entries, never an object's inherited keys: a
 * treaty id is any slug, "constructor" too). The total is their sum; treaties at zero are left out.
 */
export function activityDayOf(date: string, counts: Iterable<readonly [string, number]>): ActivityDay {
  const byTreaty = Object.fromEntries([...counts].filter(([, n]) => n > 0));
  return { date, count: Object.values(byTreaty).reduce((sum, n) => sum + n, 0), byTreaty };
}

/** How many days the activity chart covers, ending on the board's day. */
export const ACTIVITY_DAYS = 30;

const forcesSchema = z.object({
  deployedLaunchers: z.number().int().nullable(),
  deployedWarheads: z.number().int().nullable(),
  totalLaunchers: z.number().int().nullable(),
});
export type Forces = z.infer<typeof forcesSchema>;

/** What a row is: a treaty data exchange, or the US figures published alone after Russia stopped exchanging. */
export const DATA_EXCHANGE_KINDS = ['data_exchange', 'voluntary_us_publication'] as const;

/** One New START data exchange; null where a side did not report. */
export const dataExchangeSchema = z.object({
  asOf: z.iso.date(),
  us: forcesSchema,
  russia: forcesSchema,
  source: z.string(),
  note: z.string(),
  kind: z.enum(DATA_EXCHANGE_KINDS),
  /** Whether the central limits applied on this date: they took effect on 2018-02-05, so earlier figures above them are no breach. */
  limitsApply: z.boolean(),
  /** What a reader should know before comparing the row with others (mixed sources, one side's figures). */
  caveat: z.string().optional(),
});
export type DataExchange = z.infer<typeof dataExchangeSchema>;

export const dataExchangesResponseSchema = z.object({
  treatyId: z.string(),
  /** The day the central limits took effect: a chart draws its limit lines from here on. */
  limitsFrom: z.iso.date(),
  exchanges: z.array(dataExchangeSchema),
});
export type DataExchangesResponse = z.infer<typeof dataExchangesResponseSchema>;
