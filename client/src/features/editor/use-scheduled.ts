import type { ScheduledListResponse } from '@treaty-watch/shared';
import { useApi } from '../../lib/use-api';

/**
 * The embargoed updates the signed-in editor may see. Loaded again whenever the board's seq moves (an
 * embargo that falls due arrives as a change) and after the editor schedules or cancels one.
 */
export function useScheduled(boardSeq: number | undefined) {
  return useApi<ScheduledListResponse>('/api/scheduled?limit=50', boardSeq);
}
