import { lastEventIdSchema } from '@treaty-watch/shared';
import type { TreatyFilter } from './stream-frames';

/** The channel every change is published on, and every reader is held on. */
export const ALL_CHANGES = 'changes';

/** A channel that marks a reader of one treaty; nothing is published on it. */
export const treatyChannel = (treatyId: string): string => `treaty.${treatyId}`;

/**
 * The Grip-Channel of a held reader, with the seq its opening brought it to. Every reader is held
 * on the one channel of all changes, whose ids follow each other without a gap, so Pushpin can
 * tell a reader that missed a change or has one already (published while it was being held) and
 * fetch its next link instead. A reader of some treaties is also subscribed to a channel per
 * treaty, and its `require-sub` filter drops each change whose treaty's channel it is not on,
 * after the change has moved its prev-id on: one chain for every reader, so none sees a change
 * twice or misses one.
 *
 * The treaty channels carry a prev-id too, which never moves (nothing is published on them), so
 * Pushpin's Grip-Last names them: it shares one next-link request among readers whose path and
 * Grip-Last are the same, the query aside, and readers of other treaties must not share one.
 */
export const gripChannelOf = (filter: TreatyFilter, seq: number): string =>
  [
    `${ALL_CHANGES}; prev-id=${seq}${filter ? '; filter=require-sub' : ''}`,
    ...[...(filter ?? [])].map((id) => `${treatyChannel(id)}; prev-id=0`),
  ].join(', ');

/**
 * The seq a held reader was last given, from the `Grip-Last: changes; last-id=N` Pushpin sends when
 * it fetches the next link; it supersedes the link's own lastEventId, fixed when the reader was
 * held. Anything else in the header is ignored.
 */
export function gripLastSeq(header: string | undefined): number | undefined {
  for (const part of header?.split(',') ?? []) {
    const [channel, ...params] = part.split(';').map((piece) => piece.trim());
    if (channel !== ALL_CHANGES) continue;
    const id = params.find((param) => param.startsWith('last-id='))?.slice('last-id='.length);
    const seq = lastEventIdSchema.safeParse(id);
    return seq.success ? seq.data : undefined;
  }
  return undefined;
}
