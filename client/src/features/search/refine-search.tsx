import { useRef, useState } from 'react';
import type { Problem } from '@treaty-watch/shared';
import { Field, fieldError } from '../../components/field';
import { useFocusFirstError } from '../../lib/focus-first-error';
import { navigate } from '../../lib/router';

/** The words the server refused, beside what it said about them, with the keyboard on them to mend and search again. */
export function RefineSearch({ q, problem }: { q: string; problem: Problem }) {
  const [words, setWords] = useState(q);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, problem);
  return (
    <form
      ref={form}
      role="search"
      aria-label="Search again"
      className="search-refine"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        navigate(`/search?${new URLSearchParams({ q: words })}`);
      }}
    >
      <Field label="Words" error={fieldError(problem, 'q')}>
        {(props) => <input {...props} type="search" value={words} onChange={(event) => setWords(event.target.value)} />}
      </Field>
      <button type="submit">Search again</button>
    </form>
  );
}
