import type { PartyCounts, TreatyPartiesResponse } from '@treaty-watch/shared';
import { SourceLink } from '../../components/source-link';
import { Uncertain } from '../../components/uncertain';
import { formatDate } from '../../lib/time';

function countsInWords(counts: PartyCounts): string {
  const parts: string[] = [];
  if (counts.parties !== undefined) parts.push(`${counts.parties} parties`);
  if (counts.signatories !== undefined) parts.push(`${counts.signatories} signatories`);
  if (counts.ratifications !== undefined) parts.push(`${counts.ratifications} ratifications`);
  return parts.join(' · ');
}

/**
 * The sheet's counts with their date and source, and, for a partial record, that it is partial:
 * the table names only some of the states the counts count.
 */
export function PartyCountsLine({ parties }: { parties: TreatyPartiesResponse }) {
  const { counts } = parties;
  return (
    <>
      {!parties.complete && (
        <div className="parties-partial" data-partial>
          <p>
            <strong>Partial list.</strong> The record names {parties.states.length} states
            {counts ? `, not all the ${countsInWords(counts)} the sheet counts` : ''}; the map and the table show only those.
          </p>
          {parties.note && (
            <details>
              <summary>What the record holds and lacks</summary>
              <p>{parties.note}</p>
            </details>
          )}
        </div>
      )}
      {parties.complete && parties.note && <p className="parties-counts">{parties.note}</p>}
      {counts && (
        <p className="parties-counts" data-counts>
          {countsInWords(counts)}, as of{' '}
          <time dateTime={counts.asOf} title={counts.asOf}>
            {formatDate(`${counts.asOf}T00:00:00.000Z`)}
          </time>
          {counts.movesSince > 0 && ` (with ${counts.movesSince} ${counts.movesSince === 1 ? 'move' : 'moves'} posted since)`}
          {counts.sourceUrl.startsWith('http') && (
            <>
              {' · '}
              <SourceLink url={counts.sourceUrl} max={60} />
            </>
          )}
          {counts.uncertain && <Uncertain note={counts.note} />}
        </p>
      )}
    </>
  );
}
