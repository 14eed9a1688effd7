import type { Treaty, Update } from '@treaty-watch/shared';
import { StatusMove, UpdateHeadline } from '../../components/update-line';

/** The newest update, across the top of the screen, while it is breaking. */
export function BreakingBanner({ update, treaty }: { update: Update; treaty: Treaty | undefined }) {
  return (
    <section className="breaking" aria-label="Breaking" aria-live="assertive">
      <span className="breaking-label">Breaking · {treaty?.shortName ?? update.treatyId}</span>
      <p className="breaking-headline">
        <UpdateHeadline update={update} />
      </p>
      <StatusMove update={update} />
    </section>
  );
}
