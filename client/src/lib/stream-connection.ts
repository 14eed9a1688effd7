import { changeSchema, RECONNECT_OPTIONS, snapshotSchema } from '@treaty-watch/shared';
import { applyChange, applyFollowedChange, applySnapshot } from './board-state';
import { LiveView, type LiveBoard, type LiveBoardSource } from './live-view';

/** Socket.IO's backoff, so an outage's readers come back spread out, not all at once. */
export function reconnectDelay(attempt: number, random = Math.random()): number {
  const { reconnectionDelay, reconnectionDelayMax, randomizationFactor } = RECONNECT_OPTIONS;
  const base = Math.min(reconnectionDelay * 2 ** attempt, reconnectionDelayMax);
  return Math.round(base * (1 + randomizationFactor * (2 * random - 1)));
}

/**
 * The live board from `GET /api/stream` (Server-Sent Events), for pages that need no more than
 * to follow it: no Socket.IO client, and through Pushpin no Node process holding the reader.
 * Every reconnect is its own, with jittered backoff (an EventSource left to itself retries every
 * reader of an outage at the same instant, and gives up on an error status), and resumes from the
 * seq the board holds by `lastEventId`: the server sends what was missed, or a snapshot.
 */
export class StreamConnection implements LiveBoardSource {
  private readonly live = new LiveView();
  private source: EventSource | undefined;
  private attempts = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private readonly apply: typeof applyChange;

  /** `treaties` follows only those; `url` for a server on another origin (tests), the page's own otherwise. */
  constructor(private readonly options: { treaties?: readonly string[]; url?: string } = {}) {
    // A reader of some treaties gets their changes only, whose seqs skip the others'.
    this.apply = options.treaties ? applyFollowedChange : applyChange;
    this.open();
  }

  subscribe = (listener: () => void): (() => void) => this.live.subscribe(listener);

  getView = (): LiveBoard => this.live.getView();

  close(): void {
    clearTimeout(this.retry);
    this.source?.close();
    this.source = undefined;
    this.live.close();
  }

  private open(): void {
    const query = new URLSearchParams();
    if (this.options.treaties) query.set('treaties', this.options.treaties.join(','));
    const { seq } = this.live.current.board;
    if (seq !== undefined) query.set('lastEventId', String(seq));
    const search = query.toString();
    const source = new EventSource(`${this.options.url ?? ''}/api/stream${search ? `?${search}` : ''}`);
    this.source = source;
    source.onopen = () => {
      this.attempts = 0;
      this.live.setStatus('live');
    };
    source.onerror = () => this.reopen();
    source.addEventListener('snapshot', (event) => {
      const snapshot = snapshotSchema.safeParse(parsed(event));
      if (snapshot.success) this.live.update({ board: applySnapshot(this.live.current.board, snapshot.data) });
      else this.reopen();
    });
    source.addEventListener('change', (event) => {
      const change = changeSchema.safeParse(parsed(event));
      const result = change.success ? this.apply(this.live.current.board, change.data, Date.now()) : undefined;
      if (result?.kind === 'applied') this.live.update({ board: result.state });
      // Something was missed (or garbled): a fresh stream from the board's seq sends it again.
      else if (result?.kind !== 'duplicate') this.reopen();
    });
  }

  private reopen(): void {
    this.source?.close();
    this.source = undefined;
    this.live.down(() => this.source?.readyState === EventSource.OPEN);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.open(), reconnectDelay(this.attempts++));
  }
}

function parsed(event: Event): unknown {
  try {
    return JSON.parse((event as MessageEvent<string>).data);
  } catch {
    return undefined;
  }
}
