import { displayStatus, STATUS_LABELS } from '@treaty-watch/shared';
import { PartySummaryLine } from '../components/party-summary-line';
import { useBoard } from '../lib/use-board';
import { useNow } from '../lib/use-now';
import { Countdown } from '../components/countdown';
import { Dated } from '../components/dated';
import { StatusChip } from '../components/status-chip';
import { UpdateHeadline } from '../components/update-line';

export const NoSuchTreaty = () => <p className="embed-loading">No such treaty on Treaty Watch.</p>;

/**
 * What a reader's article frames: `/embed/treaty/:id` (one treaty and its latest update) or
 * `/embed/board` (every treaty's status). Live, like the board; links open the full board.
 */
export function EmbedWidget({ treatyId }: { treatyId?: string }) {
  const { board, connection } = useBoard();
  const now = useNow();
  const origin = window.location.origin;

  if (board.seq === undefined)
    return <p className="embed-loading">{connection.status === 'offline' ? 'Treaty Watch cannot be reached.' : 'Loading…'}</p>;
  const treaties = treatyId ? board.treaties.filter((t) => t.id === treatyId) : board.treaties;
  if (treatyId && treaties.length === 0) return <NoSuchTreaty />;

  return (
    <section className="embed" aria-label="Treaty Watch">
      <ul className="embed-list">
        {treaties.map((treaty) => {
          const status = displayStatus(treaty, now);
          const latest = board.updates.find((u) => u.treatyId === treaty.id);
          return (
            <li key={treaty.id} data-treaty-id={treaty.id}>
              <a className="embed-name" href={`${origin}/treaties/${treaty.id}`} target="_blank" rel="noopener">
                {treaty.shortName}
              </a>{' '}
              <StatusChip status={status} />
              <span className="embed-since">
                {' '}
                {STATUS_LABELS[treaty.status]} since <Dated iso={treaty.statusSince} now={now} />
              </span>
              {status === 'expiring' && treaty.expiresAt && <Countdown until={treaty.expiresAt} now={now} />}
              {treatyId && <PartySummaryLine treaty={treaty} />}
              {treatyId && latest && (
                <p className="embed-latest">
                  <UpdateHeadline update={latest} />
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <p className="embed-credit">
        <a href={`${origin}/`} target="_blank" rel="noopener">
          Treaty Watch
        </a>{' '}
        · {connection.status === 'live' ? 'live' : 'reconnecting…'}
      </p>
    </section>
  );
}
