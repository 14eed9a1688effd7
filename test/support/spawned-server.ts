import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ADMIN_TOKEN } from './in-process-server';
import { clientDist, repoRoot } from './paths';
import { spawnedServerEnv } from './server-env';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface SpawnedServer {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hook runs, as in a crash. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Loaded into each spawned server: a test that timed out while its server was starting has no
 * handle to stop it with, and the server would live on, holding its port.
 */
const exitWithParent = path.join(repoRoot, 'test/support/exit-with-parent.ts');

/** The server as `npm start` runs it, in its own process, so a test can kill it mid-write. */
export async function spawnServer(dataDir: string, port?: number, env: Record<string, string> = {}): Promise<SpawnedServer> {
  const bound = port ?? (await freePort());
  // One process, node itself with tsx as its loader: the `tsx` binary would fork a child that
  // outlives a SIGKILL sent to the wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', exitWithParent, 'server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      // Webhook receivers in tests listen on loopback.
      ...spawnedServerEnv(bound, dataDir, ADMIN_TOKEN, { WEBHOOK_ALLOW_PRIVATE: 'true', ...env }),
      CLIENT_DIST: clientDist,
    },
    // Its stdin is what ends it when the test process goes, however that ends (exitWithParent).
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${bound}`;

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /healthz within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    const stillUp = await fetch(`${url}/healthz`).then(
      () => true,
      () => false,
    );
    if (stillUp) throw new Error(`the server on ${url} still answers after ${signal}`);
  };
  return { url, port: bound, child, output: () => output, crash: () => kill('SIGKILL'), stop: () => kill('SIGTERM') };
}
