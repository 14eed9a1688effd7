import { snapshotSchema } from '@treaty-watch/shared';
import type { BoardConnection } from '../../../lib/board-connection';
import { applySnapshot, emptyBoard, type BoardState } from '../../../lib/board-state';

/**
 * The board a wall screen keeps in Cache Storage for its next start. Not one of the service
 * worker's caches: it outlives builds (a new build shows the last board too), and the worker
 * never answers a request with it.
 */
const CACHE = 'screen-board';
const BOARD = '/screen/board.json';
/** When the screen last heard from the server: what "stale since" means after a reboot. */
const LIVE_AT = '/screen/live-at';
/** A burst of changes is one write; a week of quiet is a few bytes every half minute. */
const SAVE_EVERY_MS = 2000;
const LIVE_AT_EVERY_MS = 30_000;

const kept = () => (typeof caches === 'undefined' ? undefined : caches.open(CACHE));

/**
 * The kept board, checked as the server's snapshot is (an earlier build may have kept another
 * shape, or the storage may be damaged): anything that does not parse is no board at all.
 */
export async function restoreBoard(): Promise<{ board: BoardState; since: number } | undefined> {
  try {
    const cache = await kept();
    const [board, liveAt] = await Promise.all([cache?.match(BOARD), cache?.match(LIVE_AT)]);
    const snapshot = snapshotSchema.safeParse(await board?.json());
    if (!snapshot.success) return undefined;
    const since = Number(await liveAt?.text());
    return {
      board: applySnapshot(emptyBoard, snapshot.data),
      since: Number.isFinite(since) && since > 0 ? since : Date.parse(snapshot.data.serverTime),
    };
  } catch {
    return undefined;
  }
}

/** Keeps the connection's board and when it was last live, for as long as the page runs. */
export function keepBoard(connection: BoardConnection): void {
  let saved = connection.getView().board;
  let scheduled = false;
  const put = (key: string, body: string) =>
    kept()
      ?.then((cache) => cache.put(key, new Response(body)))
      .catch(() => undefined);
  const markLive = () => {
    if (connection.getView().connection.status === 'live') void put(LIVE_AT, String(Date.now()));
  };
  const save = () => {
    scheduled = false;
    const { board } = connection.getView();
    if (board === saved || board.seq === undefined || board.buildId === undefined) return;
    saved = board;
    const { seq, buildId, treaties, updates, activity } = board;
    void put(BOARD, JSON.stringify({ seq, buildId, serverTime: new Date().toISOString(), treaties, updates, activity }));
    markLive();
  };
  connection.subscribe(() => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(save, SAVE_EVERY_MS);
  });
  setInterval(markLive, LIVE_AT_EVERY_MS);
}
