import { z } from 'zod';
import { partyActionSchema, standingSchema } from './party';
import { partyCountsSchema, partyGroupSchema, uncertainFields } from './party-summary';
import { instantSchema } from './time';
import { httpUrlSchema, treatyIdSchema } from './treaty';

/**
 * One dated act in a state's record. `on` is absent where the fact sheet holds the act but not
 * its day ("ratified; date not recorded"): a date the record does not hold is never guessed.
 * `updateId` names the update that recorded it (seeded facts have theirs too).
 */
export const partyHistoryEntrySchema = z.object({
  on: instantSchema.optional(),
  action: partyActionSchema,
  sourceUrl: httpUrlSchema.optional(),
  updateId: z.string().optional(),
  ...uncertainFields,
});
export type PartyHistoryEntry = z.infer<typeof partyHistoryEntrySchema>;

/**
 * One state in one treaty. `since` is when it came to its standing, absent when that day is not
 * recorded. `signedAt`, `ratifiedAt` (ratified, acceded or succeeded) and `leftAt` (withdrew)
 * likewise. `uncertain` with its `note` where the sources disagree.
 */
export const partyStateSchema = z.object({
  code: z.string(),
  name: z.string(),
  standing: standingSchema,
  since: instantSchema.optional(),
  groups: z.array(z.string()),
  signedAt: instantSchema.optional(),
  ratifiedAt: instantSchema.optional(),
  leftAt: instantSchema.optional(),
  ...uncertainFields,
  sources: z.array(httpUrlSchema),
  /** Oldest first; undated acts in the order the record gives them. */
  history: z.array(partyHistoryEntrySchema),
});
export type PartyState = z.infer<typeof partyStateSchema>;

/** A note on the treaty's record that is not a state: CFE's collective NATO statement of 2023-11-07. */
export const partyRecordNoteSchema = z.object({
  on: instantSchema.optional(),
  text: z.string(),
  sourceUrl: httpUrlSchema.optional(),
});
export type PartyRecordNote = z.infer<typeof partyRecordNoteSchema>;

/** `GET /api/treaties/:id/parties[?asOf=]`. `complete: false` when the states listed are not all of them. */
export const treatyPartiesResponseSchema = z.object({
  treatyId: treatyIdSchema,
  asOf: instantSchema.optional(),
  complete: z.boolean(),
  /** Why the list is partial, or what is uncertain about the whole of it. */
  note: z.string().optional(),
  counts: partyCountsSchema.optional(),
  groups: z.array(partyGroupSchema),
  notes: z.array(partyRecordNoteSchema),
  states: z.array(partyStateSchema),
});
export type TreatyPartiesResponse = z.infer<typeof treatyPartiesResponseSchema>;

/** `GET /api/parties/:code`: one state's standing in every treaty whose record names it. */
export const stateTreatiesResponseSchema = partyStateSchema.pick({ code: true, name: true }).extend({
  treaties: z.array(partyStateSchema.extend({ treatyId: treatyIdSchema })),
});
export type StateTreatiesResponse = z.infer<typeof stateTreatiesResponseSchema>;
