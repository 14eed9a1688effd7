import { searchTerms, type ScheduledUpdate, type SearchCursor, type Update } from '@treaty-watch/shared';

/** What a search asks of a store; the terms are already cut by `searchTerms`. */
export interface UpdateSearch {
  terms: string[];
  treatyId?: string;
  before?: SearchCursor;
  limit: number;
  /** Whether embargoed updates are found too, and of which treaties (all when absent). */
  embargoed?: { treaties?: readonly string[] };
}

export type Found = { kind: 'update'; update: Update } | { kind: 'embargoed'; scheduled: ScheduledUpdate };

/** One row of the search index: an update, or an embargoed update not yet in the log. */
export interface SearchDoc {
  id: string;
  treatyId: string;
  occurredAt: string;
  /** 0 for an embargoed update, which has no place in the log yet. */
  seq: number;
  embargoed: boolean;
  terms: string[];
}

const termsOf = (headline: string, body: string | undefined) => searchTerms(body ? `${headline}\n${body}` : headline);

export function updateDoc(update: Update): SearchDoc {
  return {
    id: update.id,
    treatyId: update.treatyId,
    occurredAt: update.occurredAt,
    seq: update.seq,
    embargoed: false,
    terms: termsOf(update.headline, update.body),
  };
}

/** Only an embargo still waiting is searched as such: a published one is its update now. */
export function scheduledDoc(scheduled: ScheduledUpdate): SearchDoc | undefined {
  if (scheduled.state !== 'scheduled') return undefined;
  return {
    id: scheduled.id,
    treatyId: scheduled.treatyId,
    occurredAt: scheduled.occurredAt,
    seq: 0,
    embargoed: true,
    terms: termsOf(scheduled.headline, scheduled.body),
  };
}
