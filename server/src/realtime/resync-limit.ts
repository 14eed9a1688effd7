/**
 * A dashboard resyncs after a gap in seq, which is rare, and keeps one request in flight; a
 * socket past these is not a dashboard. Documented in the README's Realtime section.
 */
export const RESYNC_LIMITS = {
  /** Requests a socket may make at once… */
  burst: 5,
  /** …and then this many a second. */
  perSecond: 1,
  /** Refused in a row, with no allowed one between: the socket is dropped. */
  dropAfterRefused: 50,
};

export type ResyncVerdict = 'allow' | 'refuse' | 'drop';

/** One socket's resync budget: a token bucket, and patience for asking while refused. */
export class ResyncLimit {
  private tokens: number;
  private at: number;
  private refusedInRow = 0;

  constructor(
    private readonly limits = RESYNC_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limits.burst;
    this.at = now();
  }

  check(): ResyncVerdict {
    const now = this.now();
    this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.at) / 1000) * this.limits.perSecond);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.refusedInRow = 0;
      return 'allow';
    }
    this.refusedInRow += 1;
    return this.refusedInRow >= this.limits.dropAfterRefused ? 'drop' : 'refuse';
  }
}
