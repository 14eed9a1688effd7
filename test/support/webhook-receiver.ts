import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { WebhookPayload } from '@treaty-watch/shared';

export interface Received {
  id: string;
  payload: WebhookPayload;
  /** What the receiver answered; undefined when it hung up without answering. */
  answered?: number;
}

type Behaviour = { kind: 'accept' } | { kind: 'fail'; status: number; times: number } | { kind: 'hang' };

/**
 * A partner system on loopback: it checks every request with the Standard Webhooks reference
 * library (a forged or stale signature is answered 401 and not counted), can fail or hang on
 * purpose, and can be stopped and started again on the same port, mid-delivery.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  readonly rejected: string[] = [];
  private behaviour: Behaviour = { kind: 'accept' };
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  /** The endpoint's signing secret, which may be known only once it is registered. */
  constructor(public secret = '') {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/treaty-watch`;
  }

  /** Payloads this receiver acknowledged with a 2xx, in arrival order. */
  get delivered(): Received[] {
    return this.received.filter((r) => r.answered !== undefined && r.answered < 300);
  }

  failNext(times: number, status = 500): void {
    this.behaviour = { kind: 'fail', status, times };
  }

  failAlways(status = 503): void {
    this.behaviour = { kind: 'fail', status, times: Number.POSITIVE_INFINITY };
  }

  /** Takes requests in and never answers them, as a receiver stuck or going down would. */
  hang(): void {
    this.behaviour = { kind: 'hang' };
  }

  accept(): void {
    this.behaviour = { kind: 'accept' };
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    // Started again on its port: the old listener may take a moment to let go of it.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(this.port, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
          });
        });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Goes away at once, cutting off any request it is in the middle of. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** Resolves once `predicate` holds; rejects after `timeoutMs`. */
  async until(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; !predicate();) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    let payload: WebhookPayload;
    try {
      payload = new Webhook(this.secret).verify(body, headers) as WebhookPayload;
    } catch (error) {
      this.rejected.push((error as Error).message);
      res.writeHead(401).end();
      return;
    }
    const received: Received = { id: headers['webhook-id'] ?? '', payload };
    this.received.push(received);
    const behaviour = this.behaviour;
    if (behaviour.kind === 'hang') return;
    if (behaviour.kind === 'fail' && behaviour.times > 0) {
      behaviour.times -= 1;
      received.answered = behaviour.status;
      res.writeHead(behaviour.status).end('failing on purpose');
      return;
    }
    received.answered = 204;
    res.writeHead(204).end();
  }
}
