import { lazy, type ComponentType } from 'react';

const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 10_000;

/** Calls `load` until it resolves, pausing 1 s after the first failure and twice as long after each next, up to 10 s. */
async function untilLoaded<T>(load: () => Promise<T>, pauseMs = FIRST_PAUSE_MS): Promise<T> {
  try {
    return await load();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    return untilLoaded(load, Math.min(pauseMs * 2, LONGEST_PAUSE_MS));
  }
}

/**
 * React's `lazy` for a chunk that may not arrive the first time it is asked for, as while the
 * server restarts. A lazy chunk that fails throws out of the render and leaves a blank page for
 * good; this one shows its Suspense fallback and asks again until the chunk comes (a browser
 * fetches a module again after its fetch failed).
 */
export function lazyRetrying<Props>(load: () => Promise<{ default: ComponentType<Props> }>) {
  return lazy(() => untilLoaded(load));
}
