import {
  ACTIVITY_DAYS,
  DAY_MS,
  SNAPSHOT_UPDATES,
  type Snapshot,
  type TreatiesResponse,
  type TreatyDetailResponse,
  type UpdatesResponse,
} from '@treaty-watch/shared';
import type { Store } from '../store/store';
import { StoreUnavailableError } from '../store/store-unavailable';
import { activityOf } from './activity';
import { boardAsOf } from './board-as-of';
import { asOfMoment } from './as-of';
import { partySummaryOf } from './party-fold';
import { DomainError } from './errors';
import type { LastAnswers } from './last-answers';

/**
 * Reads of the current board. Each read takes the log's seq *before* the state, so a client
 * that resumes from that seq may see a change twice (harmless: changes carry whole state) but
 * never misses one.
 */
export function createBoardService(store: Store, buildId: string, answers: LastAnswers, clock: () => Date = () => new Date()) {
  /**
   * The board as last read. When the database stops answering, nothing can be written either,
   * so this is still the board: screens keep showing it instead of an error.
   */
  let lastBoard: Snapshot | undefined;
  async function orLastBoard<T>(read: () => Promise<T>, fromLast: (board: Snapshot) => T): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof StoreUnavailableError && lastBoard) return fromLast({ ...lastBoard, serverTime: clock().toISOString() });
      throw error;
    }
  }

  return {
    treaties(): Promise<TreatiesResponse> {
      return orLastBoard(
        async () => {
          const seq = await store.currentSeq();
          return { seq, treaties: await store.listTreaties() };
        },
        ({ seq, treaties }) => ({ seq, treaties }),
      );
    },

    detail(id: string): Promise<TreatyDetailResponse> {
      return answers.read(`detail ${id}`, async () => {
        const treaty = await store.getTreaty(id);
        if (!treaty) throw new DomainError('not_found', `There is no treaty "${id}".`);
        return { treaty, updates: await store.treatyUpdates(id) };
      });
    },

    updatesAfter(after: number, limit: number): Promise<UpdatesResponse> {
      return answers.read(`updates ${after} ${limit}`, async () => {
        const seq = await store.currentSeq();
        return { seq, updates: await store.updatesAfter(after, limit) };
      });
    },

    snapshot(): Promise<Snapshot> {
      return orLastBoard(
        async () => {
          const seq = await store.currentSeq();
          const now = clock().toISOString();
          const [treaties, updates, recent] = await Promise.all([
            store.listTreaties(),
            store.latestUpdates(SNAPSHOT_UPDATES),
            store.updatesSince(new Date(Date.parse(now) - ACTIVITY_DAYS * DAY_MS).toISOString()),
          ]);
          lastBoard = { seq, serverTime: now, buildId, treaties, updates, activity: activityOf(recent, now) };
          return lastBoard;
        },
        (board) => board,
      );
    },

    /** The board as it stood at `asOf`: a day (its end, or now when it is today) or an instant. */
    async snapshotAsOf(asOf: string): Promise<Snapshot> {
      const now = clock();
      const at = asOfMoment(asOf, now);
      const seq = await store.currentSeq();
      const log = await store.logEntries(0, seq);
      const first = log.reduce<string | undefined>(
        (earliest, entry) => (!earliest || entry.effectiveAt < earliest ? entry.effectiveAt : earliest),
        undefined,
      );
      if (first && at < first) {
        throw new DomainError('invalid_query', 'The record starts later than that.', {
          errors: [{ field: 'asOf', message: `must not be earlier than ${first.slice(0, 10)}, the first date in the record` }],
        });
      }
      const board = boardAsOf(log, at);
      const { updates } = board;
      const treaties = board.treaties.map((treaty) => {
        const { partySummary: _current, ...then } = treaty;
        const summary = partySummaryOf(
          treaty.id,
          updates.filter((u) => u.treatyId === treaty.id),
          at,
        );
        return summary ? { ...then, partySummary: summary } : then;
      });
      return {
        seq,
        serverTime: now.toISOString(),
        asOf: at,
        buildId,
        treaties,
        updates: [...updates].sort((a, b) => b.seq - a.seq).slice(0, SNAPSHOT_UPDATES),
        activity: activityOf(updates, at),
      };
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
