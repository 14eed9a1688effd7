import type { Caveat, Treaty } from '@treaty-watch/shared';
import { Uncertain } from './uncertain';

/**
 * Marks a treaty fact the sources do not settle (New START's exact end, CFE's day of entry
 * into force): the note on demand, or where nobody clicks (the wall screen) the word alone.
 */
/** An expired treaty's "since" is the end of its term: a caveat on that end qualifies it. */
export const sinceField = (treaty: Treaty): Caveat['field'] =>
  treaty.status === 'expired' && treaty.caveats?.some((c) => c.field === 'expiresAt') ? 'expiresAt' : 'statusSince';

export function CaveatMark({ treaty, field, noteOnDemand = true }: { treaty: Treaty; field: Caveat['field']; noteOnDemand?: boolean }) {
  const caveat = treaty.caveats?.find((c) => c.field === field);
  if (!caveat) return null;
  if (noteOnDemand) return <Uncertain note={caveat.note} />;
  return (
    <span className="uncertain-mark" data-uncertain={field}>
      {' '}
      (uncertain)
    </span>
  );
}
