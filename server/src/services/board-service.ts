import { SNAPSHOT_UPDATES, type Snapshot, type TreatiesResponse, type TreatyDetailResponse, type UpdatesResponse } from '@treaty-watch/shared';
import type { Store } from '../store/store';
import { DomainError } from './errors';

/**
 * Reads of the current board. Each read takes the log's seq *before* the state, so a client
 * that resumes from that seq may see a change twice (harmless: changes carry whole state) but
 * never misses one.
 */
export function createBoardService(store: Store, buildId: string, clock: () => Date = () => new Date()) {
  return {
    async treaties(): Promise<TreatiesResponse> {
      const seq = await store.currentSeq();
      return { seq, treaties: await store.listTreaties() };
    },

    async detail(id: string): Promise<TreatyDetailResponse> {
      const treaty = await store.getTreaty(id);
      if (!treaty) throw new DomainError('not_found', `There is no treaty "${id}".`);
      return { treaty, updates: await store.treatyUpdates(id) };
    },

    async updatesAfter(after: number, limit: number): Promise<UpdatesResponse> {
      const seq = await store.currentSeq();
      return { seq, updates: await store.updatesAfter(after, limit) };
    },

    async snapshot(): Promise<Snapshot> {
      const seq = await store.currentSeq();
      const [treaties, updates] = await Promise.all([store.listTreaties(), store.latestUpdates(SNAPSHOT_UPDATES)]);
      return { seq, serverTime: clock().toISOString(), buildId, treaties, updates };
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
