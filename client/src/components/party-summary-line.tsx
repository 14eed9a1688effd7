import type { Treaty } from '@treaty-watch/shared';
import { partySummaryWords } from '../lib/party-summary-words';
import { Uncertain } from './uncertain';
import './standing.css';

/**
 * Who is in and who is out, in words, on a card, a widget or the screen. `noteOnDemand` false
 * where nobody can click (the wall screen): the mark alone says the count is uncertain.
 */
export function PartySummaryLine({ treaty, noteOnDemand = true }: { treaty: Treaty; noteOnDemand?: boolean }) {
  const words = partySummaryWords(treaty);
  if (!words) return null;
  const note = words.uncertain ?? treaty.caveats?.find((c) => c.field === 'parties')?.note;
  return (
    <div className="party-summary" data-party-summary>
      <span>{words.text}</span>
      {note !== undefined &&
        (noteOnDemand ? (
          <Uncertain note={note} />
        ) : (
          <span className="uncertain-mark" title={note}>
            {' '}
            (count uncertain)
          </span>
        ))}
    </div>
  );
}
