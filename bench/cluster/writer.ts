import { ADMIN_TOKEN } from '../processes';

/** Posts one update to a treaty; the seq it was given. */
export async function postUpdate(url: string, headline: string): Promise<number> {
  const response = await fetch(`${url}/api/treaties/npt/updates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ headline }),
  });
  if (response.status !== 201) throw new Error(`POST to ${url} answered ${response.status}`);
  return ((await response.json()) as { update: { seq: number } }).update.seq;
}

/**
 * An editor posting steadily while processes go down: one update every `everyMs`, to whichever
 * process `target` names at that moment (one that stays up). A failed post is counted, not retried.
 */
export class Writer {
  posted = 0;
  failed = 0;
  /** The highest seq a POST was answered with. */
  latest = 0;
  private running = true;
  private readonly loop: Promise<void>;

  constructor(target: () => string, everyMs: number, label: string) {
    this.loop = (async () => {
      while (this.running) {
        await postUpdate(target(), `${label} ${this.posted + this.failed}`).then(
          (seq) => {
            this.posted += 1;
            this.latest = Math.max(this.latest, seq);
          },
          () => (this.failed += 1),
        );
        await new Promise((r) => setTimeout(r, everyMs));
      }
    })();
  }

  /** Stops after the post under way; the highest seq written. */
  async stop(): Promise<number> {
    this.running = false;
    await this.loop;
    return this.latest;
  }
}
