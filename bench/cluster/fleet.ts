import { assertRoomFor, startServer, type Running } from '../processes';

/** One server process of the fleet: its port stays the same across restarts, as nginx's upstream does. */
export interface Member {
  port: number;
  url: string;
  running?: Running;
}

/** The server processes, each as `npm run serve` runs it, on one PostgreSQL schema and one Redis stream. */
export class Fleet {
  readonly members: Member[];

  constructor(
    ports: number[],
    private readonly env: Record<string, string>,
    /** Sockets each process must be able to hold: its share once one of them is down. */
    private readonly share: number,
  ) {
    this.members = ports.map((port) => ({ port, url: `http://127.0.0.1:${port}` }));
  }

  /** The first alone, so it seeds the empty schema; the rest together. */
  async start(): Promise<void> {
    const [first, ...rest] = this.members;
    if (first) await this.startMember(first);
    await Promise.all(rest.map((m) => this.startMember(m)));
  }

  async startMember(member: Member): Promise<void> {
    member.running = await startServer(this.env, member.port);
    assertRoomFor(member.running.child.pid ?? 0, this.share, `the server on ${member.port}`);
  }

  /** As a crash: no shutdown hook runs, no socket is told. */
  async kill(member: Member): Promise<void> {
    const child = member.running?.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    // Nothing left to stop: this removes the process's data directory.
    await member.running?.stop();
    member.running = undefined;
  }

  /** SIGTERM, as systemd stops it: the server sends its sockets off and finishes what is under way. */
  async stop(member: Member): Promise<void> {
    await member.running?.stop();
    member.running = undefined;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.members.map((m) => this.stop(m)));
  }

  /** Viewers of the whole cluster as each process counts them, from its /metrics. */
  async presence(): Promise<number[]> {
    return Promise.all(
      this.members.map(async (m) => {
        const text = await (await fetch(`${m.url}/metrics`)).text();
        return Number(/^treaty_watch_connected_clients\{kind="viewer"\} (\d+)$/m.exec(text)?.[1] ?? NaN);
      }),
    );
  }
}
