import { z } from 'zod';
import { treatySchema } from './treaty';
import { updateSchema } from './update';
import { instantSchema } from './time';
import { activityDaySchema } from './charts';

export const CHANGE_KINDS = [
  'update.posted',
  'update.corrected',
  'update.retracted',
  'treaty.created',
  'treaty.changed',
  'treaty.expired',
] as const;
export const changeKindSchema = z.enum(CHANGE_KINDS);
export type ChangeKind = z.infer<typeof changeKindSchema>;

/** One entry of the event log as every client receives it: the treaty as it stands after it. */
export const changeSchema = z.object({
  seq: z.number().int().positive(),
  kind: changeKindSchema,
  treaty: treatySchema,
  update: updateSchema.optional(),
  /**
   * Other updates of the treaty that this change reinterprets: a backdated update or a
   * retraction can change which earlier or later update moved the status, and from what.
   */
  revised: z.array(updateSchema).optional(),
  /**
   * The fact sheet's own entry, appended to a board seeded from an older sheet: part of the
   * record, not news. Dashboards apply it to its treaty but keep it out of the live feed; no
   * webhook gets it, and the latest list leaves it out.
   */
  backfill: z.literal(true).optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const SNAPSHOT_UPDATES = 50;

export const snapshotSchema = z.object({
  seq: z.number().int().nonnegative(),
  serverTime: instantSchema,
  /** Present when the board was rebuilt as of a past moment. */
  asOf: instantSchema.optional(),
  /** Changes with every deploy, so an unattended screen knows to reload. */
  buildId: z.string(),
  treaties: z.array(treatySchema),
  updates: z.array(updateSchema),
  /** Updates per day (by occurredAt, retracted ones left out) over the last ACTIVITY_DAYS days. */
  activity: z.array(activityDaySchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
