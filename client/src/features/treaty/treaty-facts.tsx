import { Fragment } from 'react';
import { displayStatus, STATUS_LABELS, type Treaty } from '@treaty-watch/shared';
import { useNow } from '../../lib/use-now';
import { Countdown } from '../board/countdown';
import { Dated } from '../board/dated';
import { StatusChip } from '../board/status-chip';

export function TreatyFacts({ treaty }: { treaty: Treaty }) {
  const now = useNow();
  const status = displayStatus(treaty, now);
  const dates: [string, string | undefined][] = [
    ['Signed', treaty.signedAt],
    ['In force', treaty.inForceAt],
    ['Term ends', treaty.expiresAt],
  ];
  return (
    <section aria-label="Status">
      <p>
        <StatusChip status={status} /> {STATUS_LABELS[treaty.status]} since <Dated iso={treaty.statusSince} now={now} />
      </p>
      {status === 'expiring' && treaty.expiresAt && <Countdown until={treaty.expiresAt} now={now} />}
      <dl className="facts">
        {dates.map(([label, iso]) =>
          iso === undefined ? null : (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>
                <Dated iso={iso} now={now} />
              </dd>
            </Fragment>
          ),
        )}
        <dt>Parties</dt>
        <dd>{treaty.parties}</dd>
      </dl>
    </section>
  );
}
