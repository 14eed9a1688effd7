import { useEffect } from 'react';
import { useBoard } from '../../lib/use-board';
import { useLocation } from '../../lib/router';
import { fieldError } from '../../components/field';
import { RefineSearch } from './refine-search';
import { SearchHitView } from './search-hit';
import { useSearch } from './use-search';
import './search.css';

/** `/search?q=`: every update whose headline or body holds the words, newest first. */
export function SearchPage() {
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const { board } = useBoard();
  const { state, more } = useSearch(q);
  const names = new Map(board.treaties.map((t) => [t.id, t.shortName]));

  useEffect(() => {
    document.title = q.trim() ? `“${q}” · Search · Treaty Watch` : 'Search · Treaty Watch';
  }, [q]);

  if (!q.trim()) {
    return (
      <section className="search-page" aria-labelledby="search-title">
        <h1 id="search-title">Search updates</h1>
        <p className="empty">Type words into the search box above to find them in every update’s headline and body.</p>
      </section>
    );
  }
  const count = state.hits.length;
  // A refusal of the words belongs beside them; anything else the page did not ask for by hand.
  const wordsRefused = fieldError(state.problem, 'q') !== undefined;
  return (
    <section className="search-page" aria-labelledby="search-title">
      <h1 id="search-title">Updates with “{q}”</h1>
      <p role="status" className="search-count">
        {!state.done
          ? 'Searching…'
          : count === 0
            ? state.error
              ? ''
              : 'No update holds all of these words.'
            : `${count}${state.next ? '+' : ''} ${count === 1 ? 'update' : 'updates'}, newest first`}
      </p>
      {wordsRefused && state.problem ? (
        <RefineSearch key={q} q={q} problem={state.problem} />
      ) : (
        state.error && (
          <p className="error" role="alert">
            Search failed: {state.error}
          </p>
        )
      )}
      {count > 0 && (
        <ol className="search-hits">
          {state.hits.map((hit) => (
            <SearchHitView
              key={hit.kind === 'update' ? hit.update.id : hit.scheduled.id}
              hit={hit}
              treatyName={
                names.get(hit.kind === 'update' ? hit.update.treatyId : hit.scheduled.treatyId) ??
                (hit.kind === 'update' ? hit.update.treatyId : hit.scheduled.treatyId)
              }
            />
          ))}
        </ol>
      )}
      {state.next && (
        <button type="button" onClick={more} disabled={state.loading}>
          {state.loading ? 'Loading…' : 'Show older updates'}
        </button>
      )}
    </section>
  );
}
