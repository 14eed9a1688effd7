import { useState } from 'react';
import { navigate, useLocation } from '../../lib/router';

function SearchForm({ initial }: { initial: string }) {
  const [q, setQ] = useState(initial);
  return (
    <form
      role="search"
      aria-label="Updates"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(`/search?${new URLSearchParams({ q })}`);
      }}
    >
      <label htmlFor="header-search" className="visually-hidden">
        Search updates
      </label>
      <input id="header-search" type="search" name="q" value={q} maxLength={1000} onChange={(event) => setQ(event.target.value)} />
      <button type="submit">Search</button>
    </form>
  );
}

/** The header's search, on every page: it leads to `/search?q=` and shows what is searched there. */
export function SearchBox() {
  const { pathname, search } = useLocation();
  const searched = pathname === '/search' ? (search.get('q') ?? '') : '';
  // A new search elsewhere (back, forward, a link) starts the box afresh with its words.
  return <SearchForm key={searched} initial={searched} />;
}
