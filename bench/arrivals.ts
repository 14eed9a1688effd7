/**
 * In a load-generator process: when each of its clients received one awaited seq, in
 * milliseconds since the epoch (comparable across the processes of one machine). Reported to
 * the parent once every client has it, or at the timeout with those that did.
 */
export class Arrivals {
  private waiting: { seq: number; times: number[]; done: () => void } | undefined;

  constructor(private readonly clients: () => number) {}

  expect(seq: number, timeoutMs: number, report: (times: number[]) => void): void {
    const times: number[] = [];
    const done = () => {
      clearTimeout(timer);
      this.waiting = undefined;
      report(times);
    };
    const timer = setTimeout(done, timeoutMs);
    this.waiting = { seq, times, done };
  }

  /** A client received `seq`. */
  saw(seq: number): void {
    if (seq !== this.waiting?.seq) return;
    this.waiting.times.push(performance.timeOrigin + performance.now());
    if (this.waiting.times.length === this.clients()) this.waiting.done();
  }
}
