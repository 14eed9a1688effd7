/** One event as an EventSource dispatches it. */
export interface StreamEvent {
  id: string;
  event: string;
  data: string;
  /** When it was parsed (performance.now()), for latency figures. */
  at: number;
}

/**
 * A reader of `text/event-stream` over fetch's body, parsed as the HTML standard's EventSource
 * does (fields, comments, CR/LF line ends, the last event id that carries over), so tests read the
 * stream as a browser would without a browser.
 */
export class EventStreamClient {
  readonly events: StreamEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  contentType = '';
  headers: Headers | undefined;
  /** The id a reconnecting EventSource would send as Last-Event-ID. */
  lastEventId = '';
  ended = false;
  /** Why the request failed before a response came (aborted by close(), refused), if it did. */
  failure: Error | undefined;
  private readonly abort = new AbortController();
  private readonly waiters = new Set<() => void>();
  readonly opened: Promise<void>;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.opened = this.run(url, headers);
  }

  of(name: string): StreamEvent[] {
    return this.events.filter((event) => event.event === name);
  }

  until(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; status ${this.status || 'none yet'}${this.ended ? ', ended' : ''}${this.failure ? ` (${this.failure.message})` : ''}; had ${this.events.map((e) => `${e.event}#${e.id}`).join(' ')}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  close(): void {
    this.abort.abort();
  }

  private async run(url: string, headers: Record<string, string>): Promise<void> {
    let response: Response;
    try {
      response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: this.abort.signal });
    } catch (error) {
      // Closed before an answer came, or refused: the reader has ended, as an EventSource would report.
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.ended = true;
      this.notify();
      return;
    }
    this.status = response.status;
    this.contentType = response.headers.get('content-type') ?? '';
    this.headers = response.headers;
    if (!response.body) return;
    void this.read(response.body);
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    let event = { id: this.lastEventId, event: '', data: [] as string[] };
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.search(/\r\n|\r|\n/); end !== -1; end = buffer.search(/\r\n|\r|\n/)) {
          // A lone CR at the very end may be the first half of CRLF: wait for the next chunk.
          if (buffer[end] === '\r' && end === buffer.length - 1) break;
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
          if (line === '') {
            this.lastEventId = event.id;
            if (event.data.length > 0)
              this.events.push({ id: event.id, event: event.event || 'message', data: event.data.join('\n'), at: performance.now() });
            event = { id: this.lastEventId, event: '', data: [] };
            this.notify();
            continue;
          }
          if (line.startsWith(':')) {
            this.comments.push(line.slice(1).trim());
            this.notify();
            continue;
          }
          const colon = line.indexOf(':');
          const field = colon === -1 ? line : line.slice(0, colon);
          const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') event.data.push(value);
          else if (field === 'event') event.event = value;
          else if (field === 'id' && !value.includes('\0')) event.id = value;
        }
      }
    } catch {
      // Aborted by close(), or the server dropped the stream: either way it has ended.
    }
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
