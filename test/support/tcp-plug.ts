import net from 'node:net';

/** A TCP hop in front of a service (PostgreSQL, Redis) that a test can pull, as a stopped or unreachable one. */
export class Plug {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  constructor(
    private readonly target: URL,
    private readonly defaultPort: number,
  ) {}

  async open(port = 0): Promise<number> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port || this.defaultPort), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  async pull(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
