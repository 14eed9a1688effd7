import { Suspense } from 'react';
import type { Treaty } from '@treaty-watch/shared';
import { NavLink } from '../../components/nav-link';
import { lazyRetrying } from '../../lib/lazy-retrying';
import { SourceLink } from '../../components/source-link';
import { Holdouts } from './holdouts';
import { PartiesTable } from './parties-table';
import { PartyCountsLine } from './party-counts';
import { RecordChangeForEditors } from './record-change';
import { RecordDate } from './record-date';
import { useParties } from './use-parties';
import './parties.css';

/** The topology and the projection are the biggest part of this section: their own chunk, loaded when shown. */
const WorldMap = lazyRetrying(() => import('./world-map'));

/** Who stands where in a multilateral treaty: map, holdouts, every state with its history. */
export function PartiesSection({ treaty, asOf }: { treaty: Treaty; asOf?: string }) {
  const load = useParties(treaty.id, asOf);
  return (
    <section className="parties" aria-labelledby="parties-heading">
      <h2 id="parties-heading">Parties</h2>
      {asOf && (
        <p className="parties-as-of" role="note">
          <strong>As of {asOf}</strong>: the states as they stood at the end of that day (UTC), not live.{' '}
          <NavLink href={`/treaties/${treaty.id}`}>Today's record</NavLink>
        </p>
      )}
      {load.state === 'loading' && (
        <p className="loading" aria-busy="true">
          Loading the states…
        </p>
      )}
      {load.state === 'failed' && (
        <p className="error" role="alert">
          The states could not be loaded: {load.message}
        </p>
      )}
      {load.state === 'loaded' && (
        <>
          <PartyCountsLine parties={load.parties} />
          {!asOf && <RecordChangeForEditors treaty={treaty} states={load.parties.states} />}
          {load.parties.groups.map((group) => (
            <Holdouts key={group.id} group={group} states={load.parties.states} />
          ))}
          {load.parties.notes.map((note) => (
            <p key={note.text} className="collective-note">
              {note.on && (
                <>
                  <RecordDate iso={note.on} />:{' '}
                </>
              )}
              {note.text}
              {note.sourceUrl && (
                <>
                  {' · '}
                  <SourceLink url={note.sourceUrl} />
                </>
              )}
            </p>
          ))}
          <Suspense fallback={<p className="loading">Loading the map…</p>}>
            <WorldMap states={load.parties.states} treatyName={treaty.shortName} />
          </Suspense>
          <PartiesTable states={load.parties.states} groups={load.parties.groups} treatyName={treaty.shortName} />
        </>
      )}
    </section>
  );
}
