import { Fragment } from 'react';
import { displayStatus, STATUS_LABELS, type Caveat, type Treaty } from '@treaty-watch/shared';
import { CaveatMark, sinceField } from '../../components/caveat-mark';
import { useNow } from '../../lib/use-now';
import { Countdown } from '../../components/countdown';
import { Dated } from '../../components/dated';
import { StatusChip } from '../../components/status-chip';

const DAY = 24 * 60 * 60 * 1000;

const ENDED = new Set(['expired', 'abandoned']);

/**
 * The end of the treaty's term, said as what it is: a term still to run, one that ran out, or
 * one cut short. SORT ended in 2011; its 2012-12-31 is its limits' deadline, which the limits
 * name, not a term it still had.
 */
function termDates(treaty: Treaty, now: number): [string, string | undefined, Caveat['field']][] {
  const { expiresAt } = treaty;
  if (!expiresAt) return [];
  const ended = ENDED.has(treaty.status);
  if (ended && Date.parse(treaty.statusSince) < Date.parse(expiresAt) - DAY) {
    return [['Ended, before its term ran out', treaty.statusSince, 'statusSince']];
  }
  return [[ended || Date.parse(expiresAt) <= now ? 'Term ended' : 'Term ends', expiresAt, 'expiresAt']];
}

export function TreatyFacts({ treaty }: { treaty: Treaty }) {
  const now = useNow();
  const status = displayStatus(treaty, now);
  const dates: [string, string | undefined, Caveat['field']][] = [
    ['Signed', treaty.signedAt, 'signedAt'],
    ['In force', treaty.inForceAt, 'inForceAt'],
    ...termDates(treaty, now),
  ];
  return (
    <section aria-label="Status">
      <p>
        <StatusChip status={status} /> {STATUS_LABELS[treaty.status]} since <Dated iso={treaty.statusSince} now={now} />
        <CaveatMark treaty={treaty} field={sinceField(treaty)} />
      </p>
      {status === 'expiring' && treaty.expiresAt && <Countdown until={treaty.expiresAt} now={now} />}
      <dl className="facts">
        {dates.map(([label, iso, field]) =>
          iso === undefined ? null : (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>
                <Dated iso={iso} now={now} />
                <CaveatMark treaty={treaty} field={field} />
              </dd>
            </Fragment>
          ),
        )}
        <dt>Parties</dt>
        <dd>
          {treaty.parties}
          <CaveatMark treaty={treaty} field="parties" />
        </dd>
      </dl>
    </section>
  );
}
