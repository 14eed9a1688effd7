import type { ComponentType } from 'react';
import type { Treaty } from '@treaty-watch/shared';
import { useSession } from '../../lib/session';
import { NavLink } from '../../components/nav-link';
import { NotFound } from '../../components/not-found';
import { EmbedSnippet } from './embed-snippet';
import { KeyDates } from './key-dates';
import { LimitsTable } from './limits-table';
import { isAdmin, mayWrite } from './may-write';
import { TreatyAdmin } from './treaty-admin';
import { TreatyFacts } from './treaty-facts';
import { TreatySources } from './treaty-sources';
import { UpdateHistory } from './update-history';
import { useTreaty } from './use-treaty';
import './treaty.css';
import './treaty-desk.css';

/** Who is party to the treaty: the parties feature's section, handed in by the app. */
export type TreatyParties = ComponentType<{ treaty: Treaty; asOf?: string }>;

export function TreatyPage({ id, asOf, Parties }: { id: string; asOf?: string; Parties: TreatyParties }) {
  const load = useTreaty(id);
  const session = useSession();
  if (load.state === 'loading')
    return (
      <p className="loading" aria-busy="true">
        Loading…
      </p>
    );
  if (load.state === 'missing') return <NotFound what={`There is no treaty “${id}” on the board.`} />;
  if (load.state === 'failed')
    return (
      <p className="error" role="alert">
        The treaty could not be loaded: {load.message}
      </p>
    );
  const { treaty, updates } = load.detail;
  return (
    <article className="treaty-page">
      <p>
        <NavLink href="/">← Board</NavLink>
      </p>
      <h1>{treaty.shortName}</h1>
      <p className="official-name">{treaty.name}</p>
      {isAdmin(session) && <TreatyAdmin treaty={treaty} />}
      <TreatyFacts treaty={treaty} />
      <p className="summary">{treaty.summary}</p>
      {treaty.keyDates && treaty.keyDates.length > 0 && <KeyDates dates={treaty.keyDates} />}
      {treaty.limits && treaty.limits.length > 0 && (
        <LimitsTable limits={treaty.limits} caveat={treaty.caveats?.find((c) => c.field === 'limits')} />
      )}
      {treaty.partySummary && <Parties treaty={treaty} asOf={asOf} />}
      {treaty.sources.length > 0 && <TreatySources sources={treaty.sources} />}
      <section aria-label="Update history">
        <h2>History</h2>
        <UpdateHistory updates={updates} editable={mayWrite(session, treaty.id)} />
      </section>
      <EmbedSnippet treaty={treaty} />
    </article>
  );
}
