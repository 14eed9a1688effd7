import type { Standing } from '@treaty-watch/shared';

/** Each standing's texture, drawn over its colour: solid, hatched, dotted, striped, crossed. */
const TEXTURE: Record<Standing, string | undefined> = {
  ratified: undefined,
  signed: 'M0 8L8 0M-2 2L2 -2M6 10L10 6',
  not_signed: 'M2 2h1.5v1.5H2zM6 6h1.5v1.5H6z',
  suspended: 'M0 2h8M0 6h8',
  withdrawal_pending: 'M0 0L8 8M-2 6L2 10M6 -2L10 2',
  withdrawn: 'M0 0L8 8M8 0L0 8',
};

export function MapPatterns() {
  return (
    <defs>
      {Object.entries(TEXTURE).map(([standing, d]) =>
        d ? (
          <pattern key={standing} id={`texture-${standing}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" className={`map-fill-${standing}`} />
            <path d={d} className="map-texture" />
          </pattern>
        ) : null,
      )}
    </defs>
  );
}
