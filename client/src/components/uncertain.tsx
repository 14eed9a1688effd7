import { useId, useState } from 'react';
import './standing.css';

/**
 * A fact the sources do not settle: marked in words, its note one click (or key) away. A button,
 * not a disclosure element, so it may stand inside a sentence, a date or a table cell.
 */
export function Uncertain({ note }: { note: string | undefined }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="uncertain">
      <button type="button" className="uncertain-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span className="uncertain-mark" aria-hidden="true">
          ?
        </span>{' '}
        uncertain
      </button>
      <span id={id} className="uncertain-note" hidden={!open}>
        {note ?? 'The sources disagree on this.'}
      </span>
    </span>
  );
}
