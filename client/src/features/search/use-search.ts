import { useCallback, useEffect, useState } from 'react';
import type { Problem, SearchHit, SearchResponse } from '@treaty-watch/shared';
import { ApiError, apiFetch, problemText } from '../../lib/api';

export interface SearchState {
  hits: SearchHit[];
  /** The cursor of the next page, when there is one. */
  next?: string;
  /** A page asked for has not come back yet. */
  loading: boolean;
  /** Whether the first page has come back. */
  done: boolean;
  error?: string;
  /** The server's refusal, whose field errors belong beside their fields. */
  problem?: Problem;
}

const PAGE = 20;

interface Held {
  key: string;
  /** The cursor of the last page that came back. */
  cursor?: string;
  hits: SearchHit[];
  next?: string;
  error?: string;
  problem?: Problem;
}

function pathOf(q: string, before?: string): string {
  return `/api/search?${new URLSearchParams({ q, limit: String(PAGE), ...(before ? { before } : {}) })}`;
}

/** The results for `q`, a page at a time; a signed-in editor's session finds embargoed updates too. */
export function useSearch(q: string): { state: SearchState; more: () => void } {
  const key = q;
  const [requested, setRequested] = useState<{ key: string; cursor?: string }>({ key });
  const wanted = requested.key === key ? requested.cursor : undefined;
  const [held, setHeld] = useState<Held | undefined>(undefined);

  useEffect(() => {
    if (!q.trim()) return;
    let current = true;
    apiFetch<SearchResponse>(pathOf(q, wanted)).then(
      (page) =>
        current &&
        setHeld((was) => ({
          key,
          ...(wanted ? { cursor: wanted } : {}),
          hits: [...(was?.key === key && wanted ? was.hits : []), ...page.hits],
          ...(page.next ? { next: page.next } : {}),
        })),
      (error: unknown) => {
        if (!current) return;
        setHeld((was) => ({
          ...(was?.key === key ? was : { key, hits: [] }),
          ...(wanted ? { cursor: wanted } : {}),
          error: problemText(error),
          ...(error instanceof ApiError ? { problem: error.problem } : {}),
        }));
      },
    );
    return () => {
      current = false;
    };
  }, [key, q, wanted]);

  const mine = held?.key === key ? held : undefined;
  const next = mine?.next;
  const more = useCallback(() => {
    if (next) setRequested({ key, cursor: next });
  }, [next, key]);
  return {
    state: {
      hits: mine?.hits ?? [],
      ...(mine?.next ? { next: mine.next } : {}),
      loading: !mine || mine.cursor !== wanted,
      done: mine !== undefined,
      ...(mine?.error ? { error: mine.error } : {}),
      ...(mine?.problem ? { problem: mine.problem } : {}),
    },
    more,
  };
}
