import type { AuditQuery, AuditResponse } from '@treaty-watch/shared';
import type { Store } from '../store/store';

export function createAuditService(store: Store) {
  return {
    async entries({ before, limit }: AuditQuery): Promise<AuditResponse> {
      return { entries: await store.auditEntries(before, limit) };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
