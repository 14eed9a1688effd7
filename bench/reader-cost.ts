import fs from 'node:fs';
import { pushpinInstalled, startPushpin } from '../test/support/pushpin';
import { openFileLimit } from '../server/src/open-files';
import { connect, post, postRounds, ROUNDS } from './fanout';
import { cpuMs, nextPort, rss, startServer, stopWorkers, withDescendants, type Running } from './processes';
import { distribution, type Distribution } from './stats';

export interface ReaderCost {
  readers: number;
  connected: number;
  /** Openings refused (5xx) and tried again before every reader was held. */
  openRetries: number;
  latency: Distribution & { received: number; expected: number };
  /** Files (sockets) the Node process holds open per reader once all are connected: 1 a Socket.IO client, 0 a reader Pushpin holds. */
  nodeFilesPerReader: number;
  /** What the Node process grew by, per reader, once all were connected (KB); for Pushpin's readers, what their openings left to collect. */
  nodeRssPerReaderKb: number;
  /** Node CPU spent taking each reader on: the handshake, or the opening Pushpin fetched (µs). */
  nodeCpuConnectUsPerReader: number;
  /** Node CPU spent bringing one change to each reader, beyond what posting it costs with nobody connected (µs). */
  nodeCpuDeliveryUsPerReader: number;
  /** Where readers held by Pushpin cost instead: Pushpin's processes and zurl, RSS in all (MB) and CPU over the rounds (ms). */
  proxy?: { rssMb: number; cpuRoundsMs: number };
}

export interface ReaderCosts {
  socketIo: ReaderCost;
  /** Undefined when Pushpin is not installed. */
  pushpin: ReaderCost | undefined;
  /** What the bench set in Pushpin's configuration for this size. */
  pushpinSettings: Record<string, number>;
}

const round = (n: number) => Math.round(n * 10) / 10;
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));
const sum = (pids: number[], of: (pid: number) => number) =>
  pids.reduce((total, pid) => total + (fs.existsSync(`/proc/${pid}`) ? of(pid) : 0), 0);

const openFiles = (pid: number) => fs.readdirSync(`/proc/${pid}/fd`).length;

/** Node CPU for ROUNDS posts with nobody connected: what a change costs before any reader is sent it. */
async function postingCpuMs(server: Running): Promise<number> {
  const pid = server.child.pid ?? 0;
  const before = cpuMs(pid);
  for (let i = 0; i < ROUNDS; i++) await post(server, i);
  return cpuMs(pid) - before;
}

async function measure(
  server: Running,
  url: string,
  mode: 'socket.io' | 'sse',
  readers: number,
  proxyPids: number[] = [],
): Promise<ReaderCost> {
  const pid = server.child.pid ?? 0;
  const posting = await postingCpuMs(server);
  const seq = ((await (await fetch(`${server.url}/api/treaties`)).json()) as { seq: number }).seq;
  const filesBefore = openFiles(pid);
  const rssBefore = rss(pid);
  const cpuBefore = cpuMs(pid);
  const { workers, connected, retries } = await connect(url, mode, readers, seq);
  await settle();
  const rssAfter = rss(pid);
  const filesAfter = openFiles(pid);
  const cpuConnected = cpuMs(pid);
  const proxy = withDescendants(proxyPids);
  const proxyCpuBefore = sum(proxy, cpuMs);
  const { latencies } = await postRounds(server, workers, seq);
  const cpuRounds = cpuMs(pid) - cpuConnected;
  const proxyCost =
    proxyPids.length > 0 ? { rssMb: round(sum(proxy, rss) / 2 ** 20), cpuRoundsMs: round(sum(proxy, cpuMs) - proxyCpuBefore) } : undefined;
  await stopWorkers(workers);
  return {
    readers,
    connected,
    openRetries: retries,
    latency: { ...distribution(latencies), received: latencies.length, expected: readers * ROUNDS },
    nodeFilesPerReader: Math.round(((filesAfter - filesBefore) / readers) * 100) / 100,
    nodeRssPerReaderKb: round((rssAfter - rssBefore) / readers / 1024),
    nodeCpuConnectUsPerReader: round(((cpuConnected - cpuBefore) * 1000) / readers),
    nodeCpuDeliveryUsPerReader: round(((cpuRounds - posting) * 1000) / (readers * ROUNDS)),
    ...(proxyCost ? { proxy: proxyCost } : {}),
  };
}

/**
 * The same number of readers two ways, one after the other on fresh servers: Socket.IO clients
 * held by Node, and event-stream readers held by Pushpin in front of Node (GRIP_PROXY_URL), each
 * timed from the POST to every reader, with what each costs the Node process.
 */
export async function readerCosts(readers: number): Promise<ReaderCosts> {
  // Pushpin's condure holds every reader's connection as a file, and inherits this process's soft limit.
  const soft = openFileLimit()?.soft ?? 'unlimited';
  const limit = soft === 'unlimited' ? Infinity : soft;
  if (readers + 1000 > limit)
    throw new Error(
      `${readers} readers need an open-file limit above ${readers + 1000}; this shell allows ${limit} (raise it with ulimit -n, or run fewer with --readers)`,
    );
  const pushpinSettings = {
    client_maxconn: readers + 1000,
    // Unlimited in effect, so the figure is Pushpin's speed, not its rate limiter's (deploy/pushpin says 50,000 a second).
    message_rate: 1_000_000,
    message_hwm: readers * ROUNDS * 2,
  };

  const plain = await startServer();
  let socketIo: ReaderCost;
  try {
    socketIo = await measure(plain, plain.url, 'socket.io', readers);
  } finally {
    await plain.stop();
  }
  if (!pushpinInstalled) return { socketIo, pushpin: undefined, pushpinSettings };

  const port = await nextPort();
  const proxy = await startPushpin(port, pushpinSettings);
  try {
    const origin = await startServer({ GRIP_PROXY_URL: proxy.publishUrl, GRIP_SIG_KEY: proxy.sigKey }, port);
    await proxy.holdsStreams();
    try {
      return { socketIo, pushpin: await measure(origin, proxy.url, 'sse', readers, proxy.pids), pushpinSettings };
    } finally {
      await origin.stop();
    }
  } finally {
    await proxy.stop();
  }
}

/** The table `npm run bench` prints for readerCosts. */
export function readerCostLines({ socketIo, pushpin, pushpinSettings }: ReaderCosts): string[] {
  const row = (name: string, c: ReaderCost) =>
    `${name.padEnd(22)} | ${`${c.connected}/${c.readers}`.padEnd(13)} | ${`${c.latency.p50} / ${c.latency.p99} / ${c.latency.max}`.padEnd(22)} | ${`${c.latency.received}/${c.latency.expected}`.padEnd(13)} | ${String(c.nodeFilesPerReader).padStart(12)} | ${String(c.nodeRssPerReaderKb).padStart(11)} | ${String(c.nodeCpuConnectUsPerReader).padStart(14)} | ${String(c.nodeCpuDeliveryUsPerReader).padStart(15)}`;
  return [
    `\nReaders: Socket.IO clients held by Node, and event-stream readers held by Pushpin (GRIP), ${socketIo.readers} of each, ${ROUNDS} changes`,
    'held by                | connected     | ms p50 / p99 / max     | received      | Node fd/rdr  | Node KB/rdr | Node µs/rdr in | Node µs/rdr/chg',
    row('Node (Socket.IO)', socketIo),
    pushpin
      ? row('Pushpin (event stream)', pushpin)
      : 'Pushpin (event stream): skipped, Pushpin is not installed (apt-get install pushpin)',
    ...(pushpin?.openRetries
      ? [`${pushpin.openRetries} openings through Pushpin were refused (502) and tried again, 100 in flight at a time`]
      : []),
    ...(pushpin?.proxy
      ? [
          `Pushpin and zurl themselves: ${pushpin.proxy.rssMb} MB resident with the readers held, ${pushpin.proxy.cpuRoundsMs} ms CPU over the ${ROUNDS} changes; set for the run: ${Object.entries(
            pushpinSettings,
          )
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}`,
        ]
      : []),
    '(fd/rdr: files Node holds open per reader; KB/rdr: Node RSS grown per reader once connected; µs/rdr in: Node CPU taking each reader on; µs/rdr/chg: Node CPU per reader per change beyond posting it with nobody connected, a difference that noise can take below 0; CPU is counted in 10 ms ticks)',
  ];
}
