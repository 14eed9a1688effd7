import { PARTY_ACTION_LABELS } from '@treaty-watch/shared';
import { SourceLink } from '../../components/source-link';
import { StandingChip } from '../../components/standing-chip';
import { Uncertain } from '../../components/uncertain';
import { useBoard } from '../../lib/use-board';
import { NavLink } from '../../components/nav-link';
import { NotFound } from '../../components/not-found';
import { RecordDate } from './record-date';
import { useStateTreaties } from './use-state-treaties';
import './parties.css';

/** `/parties/:code`: one state in every treaty whose record names it, with its acts in each. */
export function PartyPage({ code }: { code: string }) {
  const load = useStateTreaties(code);
  const { board } = useBoard();
  if (load.state === 'loading')
    return (
      <p className="loading" aria-busy="true">
        Loading…
      </p>
    );
  if (load.state === 'missing') return <NotFound what={`There is no state “${code}” on the record.`} />;
  if (load.state === 'failed')
    return (
      <p className="error" role="alert">
        The state could not be loaded: {load.message}
      </p>
    );
  const { record } = load;
  const treatyName = (id: string) => board.treaties.find((t) => t.id === id)?.shortName ?? id;
  return (
    <article className="party-page">
      <p>
        <NavLink href="/">← Board</NavLink>
      </p>
      <h1>{record.name}</h1>
      {record.treaties.length === 0 && <p className="empty">No treaty on the board has this state on its record.</p>}
      {record.treaties.map((entry) => (
        <section key={entry.treatyId} className="party-treaty" aria-labelledby={`treaty-${entry.treatyId}`} data-treaty-id={entry.treatyId}>
          <h2 id={`treaty-${entry.treatyId}`}>
            <NavLink href={`/treaties/${entry.treatyId}`}>{treatyName(entry.treatyId)}</NavLink>
          </h2>
          <p>
            <StandingChip standing={entry.standing} /> since <RecordDate iso={entry.since} />
            {entry.uncertain && <Uncertain note={entry.note} />}
          </p>
          {entry.history.length === 0 ? (
            <p className="not-recorded">No dated acts on record.</p>
          ) : (
            <ol className="party-acts">
              {entry.history.map((act, index) => (
                <li key={`${act.action} ${act.on ?? index}`}>
                  <RecordDate iso={act.on} /> — {PARTY_ACTION_LABELS[act.action]}
                  {act.sourceUrl && (
                    <>
                      {' · '}
                      <SourceLink url={act.sourceUrl} />
                    </>
                  )}
                  {act.uncertain && <Uncertain note={act.note} />}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </article>
  );
}
