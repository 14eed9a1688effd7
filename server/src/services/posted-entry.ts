import type { Instant, PartyMove, Status } from '@treaty-watch/shared';
import type { NewLogEntry } from '../store/log-entry';

export interface PostedFields {
  id: string;
  treatyId: string;
  headline: string;
  body?: string;
  status?: Status;
  sourceUrl?: string;
  occurredAt: Instant;
  author: string;
  party?: PartyMove;
}

/** The log entry of an update made public at `publishedAt`: posted at once, or at the end of its embargo. */
export function postedEntry(fields: PostedFields, publishedAt: Instant): NewLogEntry {
  return {
    treatyId: fields.treatyId,
    effectiveAt: fields.occurredAt,
    recordedAt: publishedAt,
    actor: fields.author,
    payload: {
      kind: 'update.posted',
      update: {
        id: fields.id,
        headline: fields.headline,
        ...(fields.body ? { body: fields.body } : {}),
        ...(fields.status ? { requestedStatus: fields.status } : {}),
        ...(fields.sourceUrl ? { sourceUrl: fields.sourceUrl } : {}),
        occurredAt: fields.occurredAt,
        publishedAt,
        author: fields.author,
        ...(fields.party ? { party: fields.party } : {}),
      },
    },
  };
}
