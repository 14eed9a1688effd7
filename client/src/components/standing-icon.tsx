import type { Standing } from '@treaty-watch/shared';
import { STANDING_SHAPE } from './standing-style';

/** The standing's shape, so it reads without colour. Decorative: the word is always beside it. */
export function StandingIcon({ standing }: { standing: Standing }) {
  return (
    <svg className="standing-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={STANDING_SHAPE[standing]} fillRule="evenodd" />
    </svg>
  );
}
