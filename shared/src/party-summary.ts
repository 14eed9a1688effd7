import { z } from 'zod';
import { standingSchema } from './party';

// Imports nothing of treaty.ts: a treaty carries its summary, so this file must load before it.

/** A figure or act the sources disagree on, or that is derived rather than stated, and why. */
export const uncertainFields = { uncertain: z.boolean().optional(), note: z.string().optional() };

/** A group of states that matters to a treaty: the CTBT's Annex 2, whose ratifications entry into force needs. */
export const partyGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
});
export type PartyGroup = z.infer<typeof partyGroupSchema>;

/**
 * The sheet's own counts, for treaties whose list of states is partial or whose totals a source
 * states. Moves posted after `asOf` are added (a ratification posted later adds one);
 * `movesSince` says how many were. `uncertain` marks a count derived rather than stated.
 */
export const partyCountsSchema = z.object({
  signatories: z.number().int().nonnegative().optional(),
  ratifications: z.number().int().nonnegative().optional(),
  parties: z.number().int().nonnegative().optional(),
  asOf: z.iso.date(),
  sourceUrl: z.string(),
  movesSince: z.number().int().nonnegative(),
  ...uncertainFields,
});
export type PartyCounts = z.infer<typeof partyCountsSchema>;

/** How a group stands: "35 of 44 Annex 2 states ratified · 9 needed", the nine named. */
export const groupSummarySchema = partyGroupSchema.extend({
  ratified: z.number().int().nonnegative(),
  /** Codes of the members not (or no longer) ratified. */
  missing: z.array(z.string()),
});
export type GroupSummary = z.infer<typeof groupSummarySchema>;

/**
 * What a card needs without another request, carried on a treaty in the snapshot and in every
 * `change`: how many named states stand where, the groups with their holdouts, the sheet's counts.
 */
export const partySummarySchema = z.object({
  complete: z.boolean(),
  byStanding: z.partialRecord(standingSchema, z.number().int().nonnegative()),
  /** Codes of the states that withdrew (Open Skies: the US and Russia). */
  withdrawn: z.array(z.string()),
  groups: z.array(groupSummarySchema),
  counts: partyCountsSchema.optional(),
});
export type PartySummary = z.infer<typeof partySummarySchema>;
