import {
  formatSearchCursor,
  marksOf,
  roleAllows,
  searchTerms,
  type SearchHit,
  type SearchQuery,
  type SearchResponse,
} from '@treaty-watch/shared';
import type { Found } from '../store/search-doc';
import type { Store } from '../store/store';
import type { Principal } from './principal';

function hitOf(found: Found, terms: readonly string[]): SearchHit {
  const wording = found.kind === 'update' ? found.update : found.scheduled;
  const marks = { headline: marksOf(wording.headline, terms), body: marksOf(wording.body ?? '', terms) };
  return found.kind === 'update'
    ? { kind: 'update', update: found.update, retracted: found.update.retractedAt !== undefined, marks }
    : { kind: 'embargoed', scheduled: found.scheduled, retracted: false, marks };
}

function cursorOf(found: Found): string {
  return found.kind === 'update'
    ? formatSearchCursor({ occurredAt: found.update.occurredAt, seq: found.update.seq, id: found.update.id })
    : formatSearchCursor({ occurredAt: found.scheduled.occurredAt, seq: 0, id: found.scheduled.id });
}

/** Full-text search over every update: what is public for anyone, embargoed ones too for editors. */
export function createSearchService(store: Store) {
  return {
    async search(principal: Principal | undefined, query: SearchQuery): Promise<SearchResponse> {
      const terms = searchTerms(query.q);
      if (terms.length === 0) return { terms, hits: [] };
      const editor = principal !== undefined && roleAllows(principal.role, 'editor');
      // One more than a page tells whether there is a next one.
      const found = await store.searchUpdates({
        terms,
        limit: query.limit + 1,
        ...(query.treaty ? { treatyId: query.treaty } : {}),
        ...(query.before ? { before: query.before } : {}),
        ...(editor ? { embargoed: principal.treaties ? { treaties: principal.treaties } : {} } : {}),
      });
      const page = found.slice(0, query.limit);
      const last = page.at(-1);
      return {
        terms,
        hits: page.map((each) => hitOf(each, terms)),
        ...(found.length > query.limit && last ? { next: cursorOf(last) } : {}),
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
