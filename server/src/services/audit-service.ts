import type { AuditQuery, AuditResponse } from '@treaty-watch/shared';
import type { Store } from '../store/store';

export function createAuditService(store: Store) {
  return {
    async entries({ before, limit, ...filter }: AuditQuery): Promise<AuditResponse> {
      return { entries: await store.auditEntries(before, limit, filter) };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
