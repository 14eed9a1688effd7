import type { Instant } from '@treaty-watch/shared';
import type { LoggedUpdate, NewLogEntry } from '../store/log-entry';

/** Who the seed's entries are by: the facts come from the project's fact sheets. */
export const ACTOR = 'fact sheet';

/** A seeded update as the log holds it: effective when it happened, published as the seed is recorded. */
export function seedPost(
  treatyId: string,
  recordedAt: Instant,
  { party, ...update }: Omit<LoggedUpdate, 'publishedAt' | 'author'>,
): NewLogEntry {
  return {
    treatyId,
    effectiveAt: update.occurredAt,
    recordedAt,
    actor: ACTOR,
    payload: { kind: 'update.posted', update: { ...update, publishedAt: recordedAt, author: ACTOR, ...(party ? { party } : {}) } },
  };
}
