import { z } from 'zod';
import { scheduledUpdateSchema } from './scheduled';
import { instantSchema } from './time';
import { treatyIdSchema } from './treaty';
import { updateSchema } from './update';

export const SEARCH_QUERY_MAX = 1000;
export const SEARCH_PAGE_MAX = 100;

/**
 * Where a page of results ends: newest first is `occurredAt`, then `seq`, then `id` (an embargoed
 * update has no seq yet and sorts as seq 0), so the next page starts exactly after it however many
 * updates are posted meanwhile.
 */
export interface SearchCursor {
  occurredAt: string;
  seq: number;
  id: string;
}

// The instant holds no "~" and ends the first part; the id, whatever it holds, is the rest.
const CURSOR = /^([^~]{1,40})~(\d{1,15})~([^\p{Cc}]{1,200})$/u;

export function formatSearchCursor(cursor: SearchCursor): string {
  return `${cursor.occurredAt}~${cursor.seq}~${cursor.id}`;
}

export const searchCursorSchema = z
  .string()
  .max(300)
  .transform((value, ctx): SearchCursor => {
    const match = CURSOR.exec(value);
    if (!match?.[1] || !match[2] || !match[3] || !instantSchema.safeParse(match[1]).success) {
      ctx.addIssue({ code: 'custom', message: 'must be the `next` value of an earlier page' });
      return z.NEVER;
    }
    return { occurredAt: match[1], seq: Number(match[2]), id: match[3] };
  });

/** `GET /api/search`. `q` is plain text: quotes, stars and operators in it are only characters. */
export const searchQuerySchema = z.strictObject({
  q: z.string().max(SEARCH_QUERY_MAX),
  treaty: treatyIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).default(20),
  before: searchCursorSchema.optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** A matched stretch of a field's text, as UTF-16 offsets (end exclusive): data, never markup. */
export const searchMarkSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() });
export type SearchMark = z.infer<typeof searchMarkSchema>;

export const searchMarksSchema = z.object({ headline: z.array(searchMarkSchema), body: z.array(searchMarkSchema) });
export type SearchMarks = z.infer<typeof searchMarksSchema>;

export const searchHitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('update'), update: updateSchema, retracted: z.boolean(), marks: searchMarksSchema }),
  /** Found only by editors: an update still under embargo. */
  z.object({ kind: z.literal('embargoed'), scheduled: scheduledUpdateSchema, retracted: z.literal(false), marks: searchMarksSchema }),
]);
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResponseSchema = z.object({
  /** The terms searched for, as the server read `q`. */
  terms: z.array(z.string()),
  hits: z.array(searchHitSchema),
  /** Pass as `before` for the next page; absent on the last one. */
  next: z.string().optional(),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
