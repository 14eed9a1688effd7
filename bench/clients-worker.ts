import http from 'node:http';
import WebSocket from 'ws';
import { Arrivals } from './arrivals';
import { connectLight } from './light-client';

/**
 * One load-generator process: many light Socket.IO clients that time each `change`; for the
 * baseline, plain WebSocket clients that time the same frame; or event-stream readers
 * (`GET /api/stream`, through Pushpin) that time each `change` event.
 */
interface Start {
  type: 'start';
  url: string;
  mode: 'socket.io' | 'raw' | 'sse';
  count: number;
  lastSeq: number;
  localAddress: string;
}
interface Expect {
  type: 'expect';
  seq: number;
  timeoutMs: number;
}
type Command = Start | Expect | { type: 'stop' };

const connections: { close(): void }[] = [];
const arrivals = new Arrivals(() => connections.length);

async function openSocket(start: Start): Promise<void> {
  if (start.mode === 'socket.io') {
    const { ws } = await connectLight({
      url: start.url,
      auth: () => ({ lastSeq: start.lastSeq, client: 'viewer' }),
      localAddress: start.localAddress,
      on: { change: (seq) => arrivals.saw(seq) },
    });
    connections.push({ close: () => ws.terminate() });
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const ws = new WebSocket(start.url.replace('http', 'ws'), { localAddress: start.localAddress, perMessageDeflate: false });
    const timer = setTimeout(() => reject(new Error('connect timed out')), 20_000);
    ws.on('error', reject);
    ws.on('message', (data) => {
      // ws hands a text frame over as one Buffer (binaryType 'nodebuffer', its default).
      const frame = (data as Buffer).toString();
      if (frame.startsWith('42["change"')) arrivals.saw(Number(/"seq":(\d+)/.exec(frame)?.[1]));
    });
    ws.on('open', () => {
      clearTimeout(timer);
      connections.push({ close: () => ws.terminate() });
      resolve();
    });
  });
}

/** Openings Pushpin refused (a 5xx) and that were tried again, as an EventSource would. */
let retries = 0;

/** A reader from `lastSeq` on, so it opens with an empty replay rather than a snapshot each. */
async function openStream(start: Start): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await openStreamOnce(start);
      return;
    } catch (error) {
      if (attempt === 10) throw error;
      retries += 1;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 300));
    }
  }
}

function openStreamOnce(start: Start): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('stream open timed out')), 20_000);
    const req = http.get(
      `${start.url}/api/stream?lastEventId=${start.lastSeq}`,
      { localAddress: start.localAddress, agent: false, headers: { accept: 'text/event-stream' } },
      (res) => {
        clearTimeout(timer);
        if (res.statusCode !== 200) {
          res.resume();
          return reject(new Error(`the stream answered ${res.statusCode}`));
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /^id: (\d+)\nevent: change\n/.exec(frame)?.[1];
            if (id) arrivals.saw(Number(id));
          }
        });
        connections.push({ close: () => req.destroy() });
        resolve();
      },
    );
    req.on('error', reject);
  });
}

// Pushpin 1.36 answered a few hundred openings in flight at once with 502s for some, so readers open 25 at a time per worker.
async function connectAll(start: Start): Promise<void> {
  const batch = start.mode === 'sse' ? 25 : 250;
  const open = start.mode === 'sse' ? openStream : openSocket;
  for (let i = 0; i < start.count; i += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, start.count - i) }, () => open(start)));
  }
}

process.on('message', (command: Command) => {
  if (command.type === 'start') {
    connectAll(command).then(
      () => process.send?.({ type: 'ready', connected: connections.length, retries }),
      (error: unknown) =>
        process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error), connected: connections.length }),
    );
  } else if (command.type === 'expect') {
    arrivals.expect(command.seq, command.timeoutMs, (times) => process.send?.({ type: 'times', seq: command.seq, times }));
    process.send?.({ type: 'armed' });
  } else {
    for (const connection of connections) connection.close();
    process.exit(0);
  }
});
