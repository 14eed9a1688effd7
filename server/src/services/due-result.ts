import type { Change } from '@treaty-watch/shared';

/** What a round of calendar work wrote, and what it had to refuse (an embargo whose status no longer fits). */
export interface DueResult {
  changes: Change[];
  refused?: { id: string; reason: string }[];
}
