import type { ChildProcess } from 'node:child_process';
import {
  ADMIN_TOKEN,
  assertRoomFor,
  measure,
  reply,
  rss,
  startBaseline,
  startServer,
  startWorker,
  stopWorkers,
  type Running,
} from './processes';
import { distribution, median, type Distribution } from './stats';

const WORKERS = 4;
export const ROUNDS = 5;

export interface FanoutResult {
  clients: number;
  connected: number;
  socketIo: Distribution & { received: number; expected: number };
  raw: Distribution & { received: number; expected: number };
  /** Socket.IO p99 over raw p99. */
  ratio: number;
  /** Resident memory the connections added (RSS after connecting, less RSS before), per client. */
  serverRssPerClientKb: number;
  rawRssPerClientKb: number;
  /** The WebSocket payload of one change (the last of the run), in bytes: what each client costs the network per change. */
  frameBytes: number;
  /** The soft open-file limit each process had: what bounds the clients it can hold. */
  openFiles: { server: number | 'unlimited'; baseline: number | 'unlimited'; clientProcess: number | 'unlimited' };
}

const perClientKb = (before: number, after: number, clients: number) => Math.round(((after - before) / clients / 1024) * 10) / 10;

export async function connect(
  url: string,
  mode: 'socket.io' | 'raw' | 'sse',
  clients: number,
  lastSeq: number,
): Promise<{ workers: ChildProcess[]; connected: number; retries: number; openFiles: number | 'unlimited' }> {
  const workers = Array.from({ length: WORKERS }, () => startWorker());
  const per = Math.ceil(clients / WORKERS);
  const limits = workers.map((worker, i) => assertRoomFor(worker.pid ?? 0, per, `client process ${i + 1}`));
  const ready = await Promise.all(
    workers.map((worker, i) => {
      const done = reply<{ connected: number; retries: number }>(worker, 'ready');
      // Each worker its own loopback address: four times the ephemeral ports of one.
      worker.send({ type: 'start', url, mode, count: Math.min(per, clients - i * per), lastSeq, localAddress: `127.0.0.${10 + i}` });
      return done;
    }),
  );
  return {
    workers,
    connected: ready.reduce((sum, r) => sum + r.connected, 0),
    retries: ready.reduce((sum, r) => sum + r.retries, 0),
    openFiles: limits[0] ?? 'unlimited',
  };
}

/** Lets the connections' handshakes and first frames finish before memory is read. */
const settle = () => new Promise((r) => setTimeout(r, 1500));

export async function post(server: Running, i: number): Promise<{ seq: number; frame: string }> {
  const response = await fetch(`${server.url}/api/treaties/npt/updates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ headline: `Fan-out round ${i}` }),
  });
  const body = (await response.json()) as { update: { seq: number }; treaty: unknown };
  return {
    seq: body.update.seq,
    frame: `42${JSON.stringify(['change', { seq: body.update.seq, kind: 'update.posted', treaty: body.treaty, update: body.update }])}`,
  };
}

/** ROUNDS updates posted one after another, each timed from its POST to every client; the last change's Socket.IO frame. */
export async function postRounds(server: Running, workers: ChildProcess[], seq: number): Promise<{ latencies: number[]; frame: string }> {
  const all: number[] = [];
  let frame = '';
  for (let i = 0; i < ROUNDS; i++) {
    let next = 0;
    const latencies = await measure(workers, seq + i + 1, async () => {
      const posted = await post(server, i);
      next = posted.seq;
      frame = posted.frame;
    });
    if (next !== seq + i + 1) throw new Error(`expected seq ${seq + i + 1}, the server wrote ${next}`);
    all.push(...latencies);
    await new Promise((r) => setTimeout(r, 300));
  }
  return { latencies: all, frame };
}

export async function fanout(clients: number): Promise<FanoutResult> {
  const server = await startServer();
  const baseline = await startBaseline();
  try {
    const serverPid = server.child.pid ?? 0;
    const baselinePid = baseline.child.pid ?? 0;
    const serverFiles = assertRoomFor(serverPid, clients, 'the server');
    const baselineFiles = assertRoomFor(baselinePid, clients, 'the raw baseline');
    const seq = ((await (await fetch(`${server.url}/api/treaties`)).json()) as { seq: number }).seq;
    const rssBefore = rss(serverPid);
    const sio = await connect(server.url, 'socket.io', clients, seq);
    await settle();
    const rssAfter = rss(serverPid);

    const { latencies: sioLatencies, frame } = await postRounds(server, sio.workers, seq);
    await stopWorkers(sio.workers);

    const rawRssBefore = rss(baselinePid);
    const raw = await connect(baseline.url, 'raw', clients, 0);
    await settle();
    const rawRssAfter = rss(baselinePid);
    const rawLatencies: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const seqOfFrame = Number(/"seq":(\d+)/.exec(frame)?.[1]);
      rawLatencies.push(
        ...(await measure(raw.workers, seqOfFrame, async () => {
          await fetch(`${baseline.url}/broadcast`, { method: 'POST', body: frame });
        })),
      );
      await new Promise((r) => setTimeout(r, 300));
    }
    await stopWorkers(raw.workers);

    const expected = clients * ROUNDS;
    const socketIo = { ...distribution(sioLatencies), received: sioLatencies.length, expected };
    const rawDist = { ...distribution(rawLatencies), received: rawLatencies.length, expected };
    return {
      clients,
      connected: sio.connected,
      socketIo,
      raw: rawDist,
      ratio: Math.round((socketIo.p99 / rawDist.p99) * 100) / 100,
      serverRssPerClientKb: perClientKb(rssBefore, rssAfter, clients),
      rawRssPerClientKb: perClientKb(rawRssBefore, rawRssAfter, clients),
      frameBytes: Buffer.byteLength(frame),
      openFiles: { server: serverFiles, baseline: baselineFiles, clientProcess: sio.openFiles },
    };
  } finally {
    await server.stop();
    await baseline.stop();
  }
}

type Received = Distribution & { received: number; expected: number };

/**
 * Several runs of one size as one row: each figure the median of the runs' (the ratio too, run
 * by run, not a ratio of medians), the fewest connected, and every run's deliveries counted.
 */
export function medianRun(runs: FanoutResult[]): FanoutResult {
  const of = (pick: (r: FanoutResult) => number) => median(runs.map(pick));
  const dist = (pick: (r: FanoutResult) => Received): Received => ({
    count: runs.reduce((n, r) => n + pick(r).count, 0),
    p50: of((r) => pick(r).p50),
    p95: of((r) => pick(r).p95),
    p99: of((r) => pick(r).p99),
    max: of((r) => pick(r).max),
    received: runs.reduce((n, r) => n + pick(r).received, 0),
    expected: runs.reduce((n, r) => n + pick(r).expected, 0),
  });
  return {
    clients: runs[0]?.clients ?? 0,
    connected: Math.min(...runs.map((r) => r.connected)),
    socketIo: dist((r) => r.socketIo),
    raw: dist((r) => r.raw),
    ratio: of((r) => r.ratio),
    serverRssPerClientKb: of((r) => r.serverRssPerClientKb),
    rawRssPerClientKb: of((r) => r.rawRssPerClientKb),
    frameBytes: of((r) => r.frameBytes),
    openFiles: runs[0]?.openFiles ?? { server: 'unlimited', baseline: 'unlimited', clientProcess: 'unlimited' },
  };
}
