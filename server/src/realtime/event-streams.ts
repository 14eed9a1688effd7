import type { ServerResponse } from 'node:http';
import { REPLAY_LIMIT, type Change, type Snapshot } from '@treaty-watch/shared';
import type { Broadcaster } from './broadcaster';
import { changeFrame, EVENT_STREAM_HEADERS, follows, HEARTBEAT_FRAME, openingFor, type TreatyFilter } from './stream-frames';

/** Unsent bytes a stream may hold before its reader counts as not reading, as for slow sockets. */
const MAX_BUFFERED_BYTES = 2 * 1024 * 1024;

interface Stream {
  res: ServerResponse;
  filter: TreatyFilter;
  /** Changes that came while the opening was read or written; undefined once the stream is live. */
  queue: Change[] | undefined;
  /** The highest seq this reader has been sent. */
  seq: number;
}

export interface EventStreamsOptions {
  maxStreams: number;
  heartbeatMs: number;
  snapshot: () => Promise<Snapshot>;
  /** A reader closed for not reading: it reconnects with Last-Event-ID and catches up. */
  onDrop: () => void;
}

/**
 * The event streams this process holds open. Each hears the broadcaster's changes in its order
 * from before its opening is read, so nothing emitted meanwhile is lost or sent twice.
 */
export class EventStreams {
  private readonly streams = new Set<Stream>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly broadcaster: Broadcaster,
    private readonly options: EventStreamsOptions,
  ) {
    this.unsubscribe = broadcaster.onChange((change) => {
      for (const stream of this.streams) this.deliver(stream, change);
    });
    // Proxies and load balancers close a connection that has been silent for a minute or so.
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) if (!stream.queue) this.write(stream, HEARTBEAT_FRAME);
    }, options.heartbeatMs);
    this.heartbeat.unref();
  }

  get full(): boolean {
    return this.streams.size >= this.options.maxStreams;
  }

  get size(): number {
    return this.streams.size;
  }

  /** Sends the opening, then every change. Rejects before any byte is written when the snapshot cannot be read. */
  async open(res: ServerResponse, lastEventId: number | undefined, filter: TreatyFilter): Promise<void> {
    const stream: Stream = { res, filter, queue: [], seq: 0 };
    this.streams.add(stream);
    res.once('close', () => this.streams.delete(stream));
    try {
      const opening = await openingFor(this.broadcaster, this.options.snapshot, lastEventId, filter);
      stream.seq = opening.seq;
      if (res.destroyed) return;
      res.writeHead(200, {
        ...EVENT_STREAM_HEADERS,
        // nginx buffers a proxied response unless told not to; a stream must not wait in a buffer.
        'x-accel-buffering': 'no',
      });
      if (!res.write(opening.text)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
    } catch (error) {
      this.streams.delete(stream);
      throw error;
    }
    const queued = stream.queue ?? [];
    stream.queue = undefined;
    for (const change of queued) this.deliver(stream, change);
  }

  /** Ends every stream (at shutdown): their readers reconnect, elsewhere behind a proxy. */
  closeAll(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    for (const stream of this.streams) stream.res.end();
    this.streams.clear();
  }

  private deliver(stream: Stream, change: Change): void {
    if (stream.queue) {
      stream.queue.push(change);
      if (stream.queue.length > REPLAY_LIMIT) this.drop(stream);
      return;
    }
    if (change.seq <= stream.seq) return;
    stream.seq = change.seq;
    if (follows(stream.filter, change)) this.write(stream, changeFrame(change));
  }

  private write(stream: Stream, text: string): void {
    stream.res.write(text);
    if (stream.res.writableLength > MAX_BUFFERED_BYTES) this.drop(stream);
  }

  private drop(stream: Stream): void {
    this.streams.delete(stream);
    stream.res.destroy();
    this.options.onDrop();
  }
}
