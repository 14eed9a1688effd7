export interface RetryPolicy {
  /** The wait after the first failure; it doubles with every further one. */
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the delay fixed, half random, so endpoints that
 * failed together (a receiver restarting) are not all retried in the same instant.
 */
export function retryDelay(failures: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const delay = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(delay / 2 + random() * (delay / 2));
}
