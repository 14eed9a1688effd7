import { STANDING_LABELS, type Standing } from '@treaty-watch/shared';
import { StandingIcon } from './standing-icon';
import './standing.css';

/** A state's standing in colour, shape and word. */
export function StandingChip({ standing }: { standing: Standing }) {
  return (
    <span className={`standing-chip standing-${standing}`} data-standing={standing}>
      <StandingIcon standing={standing} />
      {STANDING_LABELS[standing]}
    </span>
  );
}
