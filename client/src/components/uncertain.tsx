import './standing.css';
/** A fact the sources do not settle: marked in words, its note one click (or key) away. */
export function Uncertain({ note }: { note: string | undefined }) {
  return (
    <details className="uncertain">
      <summary>
        <span className="uncertain-mark" aria-hidden="true">
          ?
        </span>{' '}
        uncertain
      </summary>
      <p className="uncertain-note">{note ?? 'The sources disagree on this.'}</p>
    </details>
  );
}
