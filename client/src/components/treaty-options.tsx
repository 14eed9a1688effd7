import type { Treaty } from '@treaty-watch/shared';

/** The options of a treaty select: one a treaty, named as the board names it. */
export function TreatyOptions({ treaties }: { treaties: readonly Pick<Treaty, 'id' | 'shortName'>[] }) {
  return (
    <>
      {treaties.map((t) => (
        <option key={t.id} value={t.id}>
          {t.shortName}
        </option>
      ))}
    </>
  );
}
