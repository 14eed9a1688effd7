import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFileLimit } from '../server/src/open-files';
import { spawnedServerEnv } from '../test/support/server-env';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN_TOKEN = 'bench-admin-token-0123456789';
/** Files a process holds besides its sockets: its code, logs, database, event loop. */
const FILES_BESIDE_SOCKETS = 100;

/** A port nothing listens on: `port` itself if given and free, else one the system picks; 0 when `port` is taken. */
function probePort(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' && port ? resolve(0) : reject(error)));
    probe.listen(port, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The first port of the range the bench keeps to (`--ports`); the system picks when unset. */
let firstPort: number | undefined;

export function usePortsFrom(first: number | undefined): void {
  firstPort = first;
}

/** A free port for one of the bench's servers, from the range if one was given. */
export async function nextPort(): Promise<number> {
  if (firstPort === undefined) return probePort();
  for (; firstPort <= 65_535; firstPort++) {
    const port = await probePort(firstPort);
    if (port) {
      firstPort += 1;
      return port;
    }
  }
  throw new Error('no free port left in the range given to --ports');
}

/**
 * Fails before connecting when a process may not hold `connections` sockets (and a few files of
 * its own) under its open-file limit: past it, connections fail and the figures measure that.
 * Node raises its own soft limit to the hard one as it starts; the hard limit is what counts.
 */
export function assertRoomFor(pid: number, connections: number, who: string): number | 'unlimited' {
  const limit = openFileLimit(pid);
  if (!limit) throw new Error(`the open-file limit of ${who} is not readable in /proc/${pid}/limits`);
  if (limit.soft !== 'unlimited' && limit.soft < connections + FILES_BESIDE_SOCKETS) {
    throw new Error(
      `${who} may open ${limit.soft} files, too few for ${connections} connections: raise the hard limit (ulimit -Hn, LimitNOFILE=)`,
    );
  }
  return limit.soft;
}

/** Resident memory of a process, in bytes, from /proc. */
export function rss(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
}

/** Fields of /proc/PID/stat after the command name (which may hold spaces): [0] is the state. */
const statFields = (pid: number): string[] =>
  fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');

/** CPU time a process has used, user and system, in ms (the kernel counts it in 10 ms ticks). */
export function cpuMs(pid: number): number {
  const fields = statFields(pid);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** A process and every process under it (Pushpin's runner starts its services as children). */
export function withDescendants(pids: number[]): number[] {
  const all = new Set(pids);
  const entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  for (let grew = true; grew;) {
    grew = false;
    for (const name of entries) {
      const pid = Number(name);
      if (all.has(pid)) continue;
      try {
        if (all.has(Number(statFields(pid)[1]))) {
          all.add(pid);
          grew = true;
        }
      } catch {
        // It ended while being read.
      }
    }
  }
  return [...all];
}

export interface Running {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function untilUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode}`);
    if ((await fetch(`${url}/healthz`).catch(() => undefined))?.ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
}

/** The real server, as `npm run serve` runs it, on a fresh database unless `env` names one. */
export async function startServer(env: Record<string, string> = {}, port?: number): Promise<Running> {
  port ??= await nextPort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: spawnedServerEnv(port, dataDir, ADMIN_TOKEN, env),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await untilUp(url, child);
  const stop = stopper(child);
  return {
    url,
    child,
    async stop() {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The raw `ws` baseline server. */
export async function startBaseline(): Promise<Running> {
  const port = await nextPort();
  const child = fork(path.join(root, 'bench/ws-baseline.ts'), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PORT: String(port) },
  });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, child, stop: stopper(child) };
}

/** A load-generator process (the fan-out bench's unless another script is named); its clients connect from `localAddress` so ports last across runs. */
export function startWorker(script = 'bench/clients-worker.ts'): ChildProcess {
  return fork(path.join(root, script), { execArgv: ['--import', 'tsx'] });
}

export function reply<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string; message?: string }) => {
      if (message.type === type) {
        child.off('message', onMessage);
        resolve(message as T);
      } else if (message.type === 'failed') {
        child.off('message', onMessage);
        reject(new Error(message.message));
      }
    };
    child.on('message', onMessage);
  });
}

/** Arms every worker for a seq, fires, and gathers each client's latency from the send. */
export async function measure(workers: ChildProcess[], seq: number, fire: () => Promise<void>): Promise<number[]> {
  await Promise.all(
    workers.map((w) => {
      const armed = reply(w, 'armed');
      w.send({ type: 'expect', seq, timeoutMs: 10_000 });
      return armed;
    }),
  );
  const times = workers.map((w) => reply<{ times: number[] }>(w, 'times'));
  const sent = performance.timeOrigin + performance.now();
  await fire();
  return (await Promise.all(times)).flatMap((r) => r.times.map((t) => t - sent));
}

export const stopWorkers = (workers: ChildProcess[]) =>
  Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve) => {
          w.once('exit', resolve);
          w.send({ type: 'stop' });
        }),
    ),
  );
