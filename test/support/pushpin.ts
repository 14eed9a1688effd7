import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort } from './spawned-server';
import { tempDir } from './temp-dir';

export const PUSHPIN_BINARIES = ['/usr/bin/pushpin', '/usr/bin/zurl'];
export const pushpinInstalled = PUSHPIN_BINARIES.every((binary) => fs.existsSync(binary));

export interface RunningPushpin {
  /** Where readers connect. */
  url: string;
  /** GRIP_PROXY_URL: its HTTP publish endpoint. */
  publishUrl: string;
  /** GRIP_SIG_KEY: the sig_key it signs what it forwards with. */
  sigKey: string;
  /** Pushpin's runner (its services are its children) and zurl. */
  pids: number[];
  /**
   * Resolves once Pushpin holds a stream of the origin (started, or restarted, with GRIP): its
   * proxy reaches the origin and hands the hold to its handler. Until its proxy and handler have
   * found each other over ZeroMQ, a hold is answered 500 "Accept service unavailable".
   */
  holdsStreams(): Promise<void>;
  stop(): Promise<void>;
}

/** Whether a TCP connection to the port is taken within 200 ms. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(true)).once('error', () => resolve(false));
    socket.unref();
    setTimeout(() => socket.destroy(), 200).unref();
  });

/** The status of one request through Pushpin, 0 when none came within a second; the body is not read. */
const statusThrough = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers, signal: AbortSignal.timeout(1000) }).then(
    async (response) => {
      await response.body?.cancel();
      return response.status;
    },
    () => 0,
  );

async function until(what: string, deadline: number, answered: () => Promise<boolean>): Promise<void> {
  while (!(await answered())) {
    if (Date.now() > deadline) throw new Error(`pushpin did not ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/**
 * Pushpin in front of an origin, on ports and in directories of its own, with the zurl it proxies
 * through beside it: Debian's Pushpin does not start zurl itself. `settings` replace lines of
 * deploy/pushpin/pushpin.conf (`client_maxconn`, `message_rate`…). It is listening when this
 * resolves; readers may come once `holdsStreams()` has, with the origin up and publishing to it.
 */
export async function startPushpin(originPort: number, settings: Record<string, number | string> = {}): Promise<RunningPushpin> {
  const temp = tempDir('pushpin');
  const dir = temp.dir;
  for (const sub of ['run', 'log', 'zurl']) fs.mkdirSync(path.join(dir, sub));
  const [httpPort, publishPort, pushPort, subPort, commandPort] = await Promise.all(Array.from({ length: 5 }, freePort));
  const deploy = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../deploy/pushpin', name), 'utf8');
  // deploy/pushpin's files, with this run's directories for zurl's ipc sockets, ports and origin.
  const ownIpc = (text: string) => text.replaceAll('ipc:///var/run/zurl/zurl-', `ipc://${path.join(dir, 'zurl')}/`);
  fs.writeFileSync(path.join(dir, 'zurl.conf'), ownIpc(deploy('zurl.conf')));
  fs.writeFileSync(path.join(dir, 'routes'), deploy('routes').replace('127.0.0.1:3000', `127.0.0.1:${originPort}`));
  const sigKey = randomBytes(24).toString('base64url');
  const config = ownIpc(deploy('pushpin.conf'))
    .replace(/^sig_key=.*$/m, `sig_key=${sigKey}`)
    .replace(/^rundir=.*$/m, `rundir=${path.join(dir, 'run')}`)
    .replace(/^logdir=.*$/m, `logdir=${path.join(dir, 'log')}`)
    .replace(/^http_port=.*$/m, `http_port=127.0.0.1:${httpPort}`)
    .replace(/^push_in_spec=.*$/m, `push_in_spec=tcp://127.0.0.1:${pushPort}`)
    .replace(/^push_in_sub_specs=.*$/m, `push_in_sub_specs=tcp://127.0.0.1:${subPort}`)
    .replace(/^push_in_http_port=.*$/m, `push_in_http_port=${publishPort}`)
    .replace(/^command_spec=.*$/m, `command_spec=tcp://127.0.0.1:${commandPort}`);
  const configured = Object.entries(settings).reduce((text, [key, value]) => {
    if (!new RegExp(`^${key}=`, 'm').test(text)) throw new Error(`pushpin.conf has no ${key}`);
    return text.replace(new RegExp(`^${key}=.*$`, 'm'), `${key}=${value}`);
  }, config);
  fs.writeFileSync(path.join(dir, 'pushpin.conf'), configured);
  const out = fs.openSync(path.join(dir, 'log', 'output.log'), 'a');
  const zurl = spawn('/usr/bin/zurl', [`--config=${path.join(dir, 'zurl.conf')}`], { stdio: ['ignore', out, out] });
  const pushpin = spawn('/usr/bin/pushpin', [`--config=${path.join(dir, 'pushpin.conf')}`], { stdio: ['ignore', out, out] });
  const stop = async () => {
    await Promise.all([stopped(pushpin), stopped(zurl)]);
    fs.closeSync(out);
    temp.remove();
  };
  try {
    const deadline = Date.now() + 15_000;
    await Promise.all([httpPort ?? 0, publishPort ?? 0].map((port) => until(`listen on ${port}`, deadline, () => accepts(port))));
  } catch (error) {
    const log = fs.readFileSync(path.join(dir, 'log', 'output.log'), 'utf8');
    await stop();
    throw new Error(`${String(error)}\n${log}`);
  }
  return {
    url: `http://127.0.0.1:${httpPort}`,
    publishUrl: `http://127.0.0.1:${publishPort}`,
    sigKey,
    pids: [pushpin.pid ?? 0, zurl.pid ?? 0],
    // A read limit may refuse a try (429) for a few seconds; the deadline leaves room for that.
    holdsStreams: () =>
      until(
        'hold a stream',
        Date.now() + 15_000,
        async () => (await statusThrough(`http://127.0.0.1:${httpPort}/api/stream`, { accept: 'text/event-stream' })) === 200,
      ),
    stop,
  };
}
