import type { Treaty, Update } from '@treaty-watch/shared';
import { relativeAge } from '../../lib/time';
import { StatusMove, UpdateHeadline } from '../../components/update-line';

/** The most recent change, across the top of the board. */
export function HeadlineStrip({ update, treaties, now }: { update: Update | undefined; treaties: Treaty[]; now: number }) {
  if (!update) return null;
  const treaty = treaties.find((t) => t.id === update.treatyId);
  return (
    <section className="headline-strip" aria-label="Latest change">
      <span className="strip-label">Latest</span>
      <span className="strip-treaty">{treaty?.shortName ?? update.treatyId}</span>
      <UpdateHeadline update={update} />
      <StatusMove update={update} />
      <span className="age">{relativeAge(update.occurredAt, now)}</span>
    </section>
  );
}
