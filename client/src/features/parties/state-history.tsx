import { PARTY_ACTION_LABELS, type PartyHistoryEntry } from '@treaty-watch/shared';
import { SourceLink } from '../../components/source-link';
import { Uncertain } from '../../components/uncertain';
import { RecordDate } from './record-date';

/** A state's dated acts in one treaty, oldest first, each with its source; behind a disclosure. */
export function StateHistory({ name, history }: { name: string; history: PartyHistoryEntry[] }) {
  if (history.length === 0) return <span className="not-recorded">no acts on record</span>;
  return (
    <details className="state-history">
      <summary>
        History<span className="visually-hidden"> of {name}</span> ({history.length})
      </summary>
      <ol>
        {history.map((entry, index) => (
          <li key={`${entry.action} ${entry.on ?? index}`}>
            {PARTY_ACTION_LABELS[entry.action]}, <RecordDate iso={entry.on} />
            {entry.sourceUrl && (
              <>
                {' · '}
                <SourceLink url={entry.sourceUrl} max={48} />
              </>
            )}
            {entry.uncertain && <Uncertain note={entry.note} />}
          </li>
        ))}
      </ol>
    </details>
  );
}
