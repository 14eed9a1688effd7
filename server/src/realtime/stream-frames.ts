import type { Change, Snapshot } from '@treaty-watch/shared';
import type { Broadcaster } from './broadcaster';

/** What an EventSource waits before it reconnects after a drop, in its own field. */
const RETRY_MS = 2000;

export const HEARTBEAT_FRAME = ': heartbeat\n\n';

/** The headers of every event stream, however it is held. */
export const EVENT_STREAM_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform' };

/** The treaties a reader follows; undefined follows every one. */
export type TreatyFilter = ReadonlySet<string> | undefined;

export const follows = (filter: TreatyFilter, change: Change): boolean => !filter || filter.has(change.treaty.id);

// JSON.stringify escapes CR and LF, the only line ends of the event-stream format, so the data is one line.
export const changeFrame = (change: Change): string => `id: ${change.seq}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`;

function snapshotFrame(snapshot: Snapshot, filter: TreatyFilter): string {
  const shown = filter
    ? {
        ...snapshot,
        treaties: snapshot.treaties.filter((t) => filter.has(t.id)),
        updates: snapshot.updates.filter((u) => filter.has(u.treatyId)),
      }
    : snapshot;
  return `id: ${snapshot.seq}\nevent: snapshot\ndata: ${JSON.stringify(shown)}\n\n`;
}

/** The first bytes of a stream, and the seq they bring the reader to: live changes at or below it are not sent again. */
export interface Opening {
  text: string;
  seq: number;
}

/**
 * What a reader who last saw `lastEventId` missed, from the broadcaster's memory; a snapshot when
 * memory does not reach back that far, when the id is ahead of this server, or for a first visit.
 * The snapshot is read from the store, whose seq is never behind what the broadcaster has emitted,
 * so the changes emitted after this is called and above the snapshot's seq follow it without a gap.
 */
export async function openingFor(
  broadcaster: Broadcaster,
  snapshot: () => Promise<Snapshot>,
  lastEventId: number | undefined,
  filter: TreatyFilter,
): Promise<Opening> {
  const retry = `retry: ${RETRY_MS}\n\n`;
  const missed = lastEventId === undefined ? undefined : broadcaster.since(lastEventId);
  if (missed && lastEventId !== undefined) {
    return {
      text:
        retry +
        missed
          .filter((change) => follows(filter, change))
          .map(changeFrame)
          .join(''),
      seq: missed.at(-1)?.seq ?? lastEventId,
    };
  }
  const board = await snapshot();
  return { text: retry + snapshotFrame(board, filter), seq: board.seq };
}
