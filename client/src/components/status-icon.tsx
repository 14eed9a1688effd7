import type { DisplayStatus } from '@treaty-watch/shared';
import { STATUS_SHAPE } from './status-style';

const PATHS: Record<string, string> = {
  circle: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2z',
  hourglass: 'M3 2h10v2L9 8l4 4v2H3v-2l4-4-4-4z',
  diamond: 'M8 1l7 7-7 7-7-7z',
  triangle: 'M8 2l7 12H1z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
  exit: 'M2 2h7v3H5v6h4v3H2zM9 4l5 4-5 4V9H6V7h3z',
  cross: 'M3 1l5 5 5-5 2 2-5 5 5 5-2 2-5-5-5 5-2-2 5-5-5-5z',
  square: 'M2 2h12v12H2z',
};

/** The status's shape, so it reads without colour. Decorative: the word is always beside it. */
export function StatusIcon({ status }: { status: DisplayStatus }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[STATUS_SHAPE[status]]} />
    </svg>
  );
}
