import WebSocket from 'ws';

/**
 * A light dashboard: just enough of the Socket.IO protocol (Engine.IO v4, straight over a
 * WebSocket, no long-polling first) to connect with a handshake, answer pings and hear changes,
 * snapshots and presence. Thousands fit in one load-generator process.
 */
export interface LightHandlers {
  change?(seq: number): void;
  snapshot?(seq: number): void;
  presence?(viewers: number): void;
}

export interface LightOptions {
  /** The server (or the proxy in front of it), http://host:port. */
  url: string;
  /** Read at each handshake, as the dashboard's own: where the board stands now. */
  auth: () => { client: 'viewer'; lastSeq?: number };
  localAddress?: string;
  on: LightHandlers;
  /** The response header a proxy names the process behind it in. */
  upstreamHeader?: string;
}

export interface LightConnection {
  ws: WebSocket;
  /** The process behind the proxy, when the proxy says; '' otherwise. */
  upstream: string;
}

/** A change's or a snapshot's own seq is the first in its frame: the server writes it first. */
const seqOf = (frame: string) => Number(/"seq":(\d+)/.exec(frame)?.[1]);

/** Resolves once the server has taken the handshake (its `40`), rejects if it does not within 20 s. */
export function connectLight(options: LightOptions): Promise<LightConnection> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${options.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      perMessageDeflate: false,
      ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    });
    let upstream = '';
    let connected = false;
    const fail = (error: Error) => {
      clearTimeout(timer);
      ws.terminate();
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error('connect timed out')), 20_000);
    ws.on('upgrade', (response) => {
      const named = options.upstreamHeader ? response.headers[options.upstreamHeader] : undefined;
      upstream = typeof named === 'string' ? named : '';
    });
    ws.on('error', (error) => !connected && fail(error));
    ws.on('close', () => !connected && fail(new Error('closed before the handshake')));
    ws.on('message', (data) => {
      // ws hands a text frame over as one Buffer (binaryType 'nodebuffer', its default).
      const frame = (data as Buffer).toString();
      if (frame === '2') return ws.send('3');
      if (frame.startsWith('0{')) return ws.send(`40${JSON.stringify(options.auth())}`);
      if (frame.startsWith('40')) {
        connected = true;
        clearTimeout(timer);
        return resolve({ ws, upstream });
      }
      if (frame.startsWith('44')) return fail(new Error(`the server refused the handshake: ${frame.slice(2, 200)}`));
      if (frame.startsWith('42["change"')) return options.on.change?.(seqOf(frame));
      if (frame.startsWith('42["snapshot"')) return options.on.snapshot?.(seqOf(frame));
      if (frame.startsWith('42["presence"')) {
        const [, presence] = JSON.parse(frame.slice(2)) as [string, { viewers: number }];
        return options.on.presence?.(presence.viewers);
      }
    });
  });
}
