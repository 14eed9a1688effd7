import WebSocket from 'ws';
import { Arrivals } from './arrivals';
import { connectLight } from './light-client';

/**
 * One load-generator process for the fan-out bench: many light Socket.IO clients that time each
 * `change`, or, for the baseline, plain WebSocket clients that time the same frame.
 */
interface Start {
  type: 'start';
  url: string;
  mode: 'socket.io' | 'raw';
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

const sockets: WebSocket[] = [];
const arrivals = new Arrivals(() => sockets.length);

async function open(start: Start): Promise<void> {
  if (start.mode === 'socket.io') {
    const { ws } = await connectLight({
      url: start.url,
      auth: () => ({ lastSeq: start.lastSeq, client: 'viewer' }),
      localAddress: start.localAddress,
      on: { change: (seq) => arrivals.saw(seq) },
    });
    sockets.push(ws);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const ws = new WebSocket(start.url.replace('http', 'ws'), { localAddress: start.localAddress, perMessageDeflate: false });
    const timer = setTimeout(() => reject(new Error('connect timed out')), 20_000);
    ws.on('error', reject);
    ws.on('message', (data) => {
      const frame = data.toString();
      if (frame.startsWith('42["change"')) arrivals.saw(Number(/"seq":(\d+)/.exec(frame)?.[1]));
    });
    ws.on('open', () => {
      clearTimeout(timer);
      sockets.push(ws);
      resolve();
    });
  });
}

async function connectAll(start: Start): Promise<void> {
  const BATCH = 250;
  for (let i = 0; i < start.count; i += BATCH) {
    await Promise.all(Array.from({ length: Math.min(BATCH, start.count - i) }, () => open(start)));
  }
}

process.on('message', (command: Command) => {
  if (command.type === 'start') {
    connectAll(command).then(
      () => process.send?.({ type: 'ready', connected: sockets.length }),
      (error: unknown) => process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error), connected: sockets.length }),
    );
  } else if (command.type === 'expect') {
    arrivals.expect(command.seq, command.timeoutMs, (times) => process.send?.({ type: 'times', seq: command.seq, times }));
    process.send?.({ type: 'armed' });
  } else {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
