import { displayStatus, STATUS_LABELS, type Treaty } from '@treaty-watch/shared';
import type { Highlight } from '../../lib/board-state';
import { StatusIcon } from '../../components/status-icon';
import { STATUS_ORDER } from '../../components/status-style';
import { TreatyCard } from '../../components/treaty-card';
import { own } from '../../lib/own';

/** Treaties grouped by what they are now, expiring and in-force first; empty groups are left out. */
export function StatusGroups({
  treaties,
  now,
  highlights,
  asOf,
}: {
  treaties: Treaty[];
  now: number;
  highlights: Record<string, Highlight>;
  asOf?: string;
}) {
  if (treaties.length === 0) return <p className="empty">No treaties on the board yet. An admin can add one through the API.</p>;
  return (
    <div className="status-groups">
      {STATUS_ORDER.map((status) => {
        const group = treaties.filter((t) => displayStatus(t, now) === status);
        if (group.length === 0) return null;
        return (
          <section key={status} className="status-group" aria-label={STATUS_LABELS[status]}>
            <h2 className={`group-title status-text-${status}`}>
              <StatusIcon status={status} /> {STATUS_LABELS[status]} <span className="count">{group.length}</span>
            </h2>
            <div className="cards">
              {group.map((treaty) => (
                <TreatyCard key={treaty.id} treaty={treaty} now={now} highlight={own(highlights, treaty.id)} asOf={asOf} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
