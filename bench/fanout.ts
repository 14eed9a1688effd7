import type { ChildProcess } from 'node:child_process';
import { ADMIN_TOKEN, reply, rss, startBaseline, startServer, startWorker, type Running } from './processes';
import { distribution, type Distribution } from './stats';

const WORKERS = 4;
export const ROUNDS = 5;

export interface FanoutResult {
  clients: number;
  connected: number;
  socketIo: Distribution & { received: number; expected: number };
  raw: Distribution & { received: number; expected: number };
  /** Socket.IO p99 over raw p99. */
  ratio: number;
  serverRssPerClientKb: number;
}

export async function connect(url: string, mode: 'socket.io' | 'raw' | 'sse', clients: number, lastSeq: number): Promise<{ workers: ChildProcess[]; connected: number; retries: number }> {
  const workers = Array.from({ length: WORKERS }, startWorker);
  const per = Math.ceil(clients / WORKERS);
  const ready = await Promise.all(
    workers.map((worker, i) => {
      const done = reply<{ connected: number; retries?: number }>(worker, 'ready');
      // Each worker its own loopback address: four times the ephemeral ports of one.
      worker.send({ type: 'start', url, mode, count: Math.min(per, clients - i * per), lastSeq, localAddress: `127.0.0.${10 + i}` });
      return done;
    }),
  );
  return { workers, connected: ready.reduce((sum, r) => sum + r.connected, 0), retries: ready.reduce((sum, r) => sum + (r.retries ?? 0), 0) };
}

/** Arms every worker for a seq, fires, and gathers each client's latency from the send. */
export async function measure(workers: ChildProcess[], seq: number, fire: () => Promise<void>): Promise<number[]> {
  await Promise.all(workers.map((w) => {
    const armed = reply(w, 'armed');
    w.send({ type: 'expect', seq, timeoutMs: 10_000 });
    return armed;
  }));
  const times = workers.map((w) => reply<{ times: number[] }>(w, 'times'));
  const sent = performance.timeOrigin + performance.now();
  await fire();
  return (await Promise.all(times)).flatMap((r) => r.times.map((t) => t - sent));
}

export const stopWorkers = (workers: ChildProcess[]) => Promise.all(workers.map((w) => new Promise((resolve) => { w.once('exit', resolve); w.send({ type: 'stop' }); })));

export async function post(server: Running, i: number): Promise<{ seq: number; frame: string }> {
  const response = await fetch(`${server.url}/api/treaties/npt/updates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ headline: `Fan-out round ${i}` }),
  });
  const body = (await response.json()) as { update: { seq: number }; treaty: unknown };
  return { seq: body.update.seq, frame: `42${JSON.stringify(['change', { seq: body.update.seq, kind: 'update.posted', treaty: body.treaty, update: body.update }])}` };
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
    const seq = ((await (await fetch(`${server.url}/api/treaties`)).json()) as { seq: number }).seq;
    const rssBefore = rss(server.child.pid ?? 0);
    const sio = await connect(server.url, 'socket.io', clients, seq);
    await new Promise((r) => setTimeout(r, 1500));
    const rssAfter = rss(server.child.pid ?? 0);

    const { latencies: sioLatencies, frame } = await postRounds(server, sio.workers, seq);
    await stopWorkers(sio.workers);

    const raw = await connect(baseline.url, 'raw', clients, 0);
    const rawLatencies: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const seqOfFrame = Number(/"seq":(\d+)/.exec(frame)?.[1]);
      rawLatencies.push(...(await measure(raw.workers, seqOfFrame, async () => {
        await fetch(`${baseline.url}/broadcast`, { method: 'POST', body: frame });
      })));
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
      serverRssPerClientKb: Math.round((rssAfter - rssBefore) / clients / 1024 * 10) / 10,
    };
  } finally {
    await server.stop();
    await baseline.stop();
  }
}
