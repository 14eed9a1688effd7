import type { Standing } from '@treaty-watch/shared';

/**
 * A state's standing in a treaty: an Okabe–Ito colour, a shape and a fill pattern of its own,
 * so the map and the table read without colour. Order: bound first, out last.
 */
export const STANDING_ORDER: readonly Standing[] = ['ratified', 'signed', 'not_signed', 'suspended', 'withdrawal_pending', 'withdrawn'];

export const STANDING_SHAPE: Record<Standing, string> = {
  ratified: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2z',
  signed: 'M8 1l7 7-7 7-7-7z',
  not_signed: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zm0 3a3 3 0 1 1 0 6 3 3 0 0 1 0-6z',
  suspended: 'M3 2h4v12H3zM9 2h4v12H9z',
  withdrawal_pending: 'M2 2h7v3H5v6h4v3H2zM9 4l5 4-5 4V9H6V7h3z',
  withdrawn: 'M3 1l5 5 5-5 2 2-5 5 5 5-2 2-5-5-5 5-2-2 5-5-5-5z',
};
