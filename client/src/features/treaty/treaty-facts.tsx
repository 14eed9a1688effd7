import { displayStatus, STATUS_LABELS, type Treaty } from '@treaty-watch/shared';
import { useNow } from '../../lib/use-now';
import { Countdown } from '../board/countdown';
import { Dated } from '../board/dated';
import { StatusChip } from '../board/status-chip';

export function TreatyFacts({ treaty }: { treaty: Treaty }) {
  const now = useNow();
  const status = displayStatus(treaty, now);
  return (
    <section aria-label="Status">
      <p>
        <StatusChip status={status} /> {STATUS_LABELS[treaty.status]} since <Dated iso={treaty.statusSince} now={now} />
      </p>
      {status === 'expiring' && treaty.expiresAt && <Countdown until={treaty.expiresAt} now={now} />}
      <dl className="facts">
        {treaty.signedAt && (
          <>
            <dt>Signed</dt>
            <dd>
              <Dated iso={treaty.signedAt} now={now} />
            </dd>
          </>
        )}
        {treaty.inForceAt && (
          <>
            <dt>In force</dt>
            <dd>
              <Dated iso={treaty.inForceAt} now={now} />
            </dd>
          </>
        )}
        {treaty.expiresAt && (
          <>
            <dt>Term ends</dt>
            <dd>
              <Dated iso={treaty.expiresAt} now={now} />
            </dd>
          </>
        )}
        <dt>Parties</dt>
        <dd>{treaty.parties}</dd>
      </dl>
    </section>
  );
}
