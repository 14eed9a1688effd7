import { StoreUnavailableError } from '../store/store-unavailable';

/**
 * Every treaty page and feed a newsroom's readers open, with room to spare. The largest answer
 * (500 updates, or a feed of 50) is some hundreds of KB, so even a hundred of those stays within
 * tens of MB, whatever Host headers or queries a client sends to make new keys.
 */
const MOST_ANSWERS = 100;

/**
 * The last answer of each public read since the latest change to the board. While the
 * database does not answer nothing can be written either, so those answers still hold: a
 * treaty page, an updates page or a feed read since the latest change keeps being served
 * through the outage. A read with no such answer is a 503, as before.
 */
export class LastAnswers {
  private readonly answers = new Map<string, unknown>();
  /** Moves on with every change: a read that began before one is not kept as current. */
  private generation = 0;

  changed(): void {
    this.generation += 1;
    this.answers.clear();
  }

  async read<T>(key: string, read: () => Promise<T>): Promise<T> {
    const generation = this.generation;
    try {
      const answer = await read();
      if (generation === this.generation) this.keep(key, answer);
      return answer;
    } catch (error) {
      if (error instanceof StoreUnavailableError && this.answers.has(key)) return this.answers.get(key) as T;
      throw error;
    }
  }

  private keep(key: string, answer: unknown): void {
    // Map order is insertion order: re-inserting makes this the newest, and the oldest goes first.
    this.answers.delete(key);
    this.answers.set(key, answer);
    const oldest = this.answers.keys().next();
    if (this.answers.size > MOST_ANSWERS && !oldest.done) this.answers.delete(oldest.value);
  }
}
