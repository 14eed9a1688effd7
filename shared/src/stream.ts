import { z } from 'zod';
import { treatyIdSchema } from './treaty';

/** More than any desk follows; a longer list is someone probing, not a reader. */
export const STREAM_MAX_TREATIES = 100;

/** A seq as a reader sends it back: digits only, within what a seq can be. */
const seqText = z
  .string()
  .regex(/^\d{1,15}$/, 'must be the id of an event this stream sent')
  .transform(Number);

/**
 * `GET /api/stream[?treaties=inf,new-start][&lastEventId=42]`: the treaties a reader follows, as the
 * screen's `?treaties=` names them, and for clients that cannot set the header, `Last-Event-ID`.
 */
export const streamQuerySchema = z.strictObject({
  treaties: z
    .string()
    .max(STREAM_MAX_TREATIES * 61)
    .transform((list) => [
      ...new Set(
        list
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(treatyIdSchema).min(1, 'name at least one treaty').max(STREAM_MAX_TREATIES))
    .optional(),
  lastEventId: seqText.optional(),
});
export type StreamQuery = z.infer<typeof streamQuerySchema>;

/** The `Last-Event-ID` header: a value that is not a seq this server sent is ignored, as a first visit. */
export const lastEventIdSchema = seqText;
