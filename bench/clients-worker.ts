import WebSocket from 'ws';

/**
 * One load-generator process: many light clients that speak just enough of the Socket.IO
 * protocol (Engine.IO v4 over WebSocket) to connect, answer pings and time each `change`,
 * or, for the baseline, plain WebSocket clients that time the same frame.
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

const now = () => performance.timeOrigin + performance.now();
const sockets: WebSocket[] = [];
let waiting: { seq: number; times: number[]; done: () => void } | undefined;

function received(frame: string): void {
  if (!waiting || !frame.startsWith('42["change"')) return;
  const seq = Number(/"seq":(\d+)/.exec(frame)?.[1]);
  if (seq === waiting.seq) {
    waiting.times.push(now());
    if (waiting.times.length === sockets.length) waiting.done();
  }
}

function open(start: Start): Promise<void> {
  return new Promise((resolve, reject) => {
    const path = start.mode === 'socket.io' ? '/socket.io/?EIO=4&transport=websocket' : '/';
    const ws = new WebSocket(`${start.url.replace('http', 'ws')}${path}`, { localAddress: start.localAddress, perMessageDeflate: false });
    const timer = setTimeout(() => reject(new Error('connect timed out')), 20_000);
    ws.on('error', reject);
    ws.on('message', (data) => {
      // ws hands a Buffer unless binaryType is changed, and this worker never changes it.
      const frame = (data as Buffer).toString();
      if (start.mode === 'raw') return received(frame);
      if (frame === '2') return ws.send('3');
      if (frame.startsWith('0{')) return ws.send(`40${JSON.stringify({ lastSeq: start.lastSeq, client: 'viewer' })}`);
      if (frame.startsWith('40')) {
        clearTimeout(timer);
        sockets.push(ws);
        return resolve();
      }
      received(frame);
    });
    if (start.mode === 'raw') {
      ws.on('open', () => {
        clearTimeout(timer);
        sockets.push(ws);
        resolve();
      });
    }
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
    const times: number[] = [];
    const finish = () => {
      clearTimeout(timer);
      waiting = undefined;
      process.send?.({ type: 'times', seq: command.seq, times });
    };
    const timer = setTimeout(finish, command.timeoutMs);
    waiting = { seq: command.seq, times, done: finish };
    process.send?.({ type: 'armed' });
  } else {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
